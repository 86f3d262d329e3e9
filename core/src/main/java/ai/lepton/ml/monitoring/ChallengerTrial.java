package ai.lepton.ml.monitoring;

import ai.lepton.process.ProcessBeans;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How a challenger's trial runs: how many live decisions it must answer in shadow before a model
 * risk officer is asked to decide ({@code lepton.challenger.min-decisions}, default 200), and how
 * often the engagement looks at the trial until then ({@code lepton.challenger.look-every}, default
 * PT1H; the maintenance sub-process's timer reads it as {@code ${challengerTrial.lookEvery}}).
 */
@Component(ProcessBeans.CHALLENGER_TRIAL)
public class ChallengerTrial {

  private final int minDecisions;
  private final Duration lookEvery;

  public ChallengerTrial(
      @Value("${lepton.challenger.min-decisions:200}") int minDecisions,
      @Value("${lepton.challenger.look-every:PT1H}") Duration lookEvery) {
    if (minDecisions < 1) {
      throw new IllegalArgumentException(
          "lepton.challenger.min-decisions must be at least 1, not " + minDecisions);
    }
    this.minDecisions = minDecisions;
    this.lookEvery = lookEvery;
  }

  public int getMinDecisions() {
    return minDecisions;
  }

  /** As an ISO-8601 duration, for the timer. */
  public String getLookEvery() {
    return lookEvery.toString();
  }
}
