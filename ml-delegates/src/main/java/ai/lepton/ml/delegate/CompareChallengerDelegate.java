package ai.lepton.ml.delegate;

import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.monitoring.ChallengerComparison;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.scoring.ShadowScoring;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Looks at the trial of the challenger on trial under the engagement's model name (the registry
 * says which, if any): {@code challengerOnTrial}, {@code challengerReady} (enough decisions
 * answered in shadow), and for the risk officer's form {@code challengerVersionId}, {@code
 * challengerSummary} and {@code challengerFigures} (JSON). The trial decision takes its evidence
 * from the decision log again, not from these variables.
 */
@Component(ProcessBeans.COMPARE_CHALLENGER)
public class CompareChallengerDelegate implements JavaDelegate {

  private final ModelRegistry registry;
  private final RequirementsRecord requirements;
  private static final long FLUSH_MILLIS = 30_000;

  private final ChallengerComparison comparison;
  private final ShadowScoring shadows;

  public CompareChallengerDelegate(
      ModelRegistry registry,
      RequirementsRecord requirements,
      ChallengerComparison comparison,
      ShadowScoring shadows) {
    this.shadows = shadows;
    this.registry = registry;
    this.requirements = requirements;
    this.comparison = comparison;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> onTrial =
        registry.challengersUnder(requirements.of(execution.getProcessBusinessKey()).modelName());
    execution.setVariable(ProcessVariables.CHALLENGER_ON_TRIAL, !onTrial.isEmpty());
    if (onTrial.isEmpty()) {
      execution.setVariable(ProcessVariables.CHALLENGER_READY, false);
      return;
    }
    shadows.flush(FLUSH_MILLIS);
    Map<String, Object> figures = comparison.of(onTrial.get(0));
    execution.setVariable(ProcessVariables.CHALLENGER_VERSION_ID, onTrial.get(0));
    execution.setVariable(ProcessVariables.CHALLENGER_READY, figures.get("ready"));
    execution.setVariable(ProcessVariables.CHALLENGER_SUMMARY, figures.get("summary"));
    execution.setVariable(ProcessVariables.CHALLENGER_FIGURES, JsonVariables.of(figures));
  }
}
