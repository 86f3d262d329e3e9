package ai.lepton.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What decisions cost and what they decided, as Micrometer meters: {@code lepton.decisions} (per
 * model and decision, a refusal counted under its error code; Prometheus: {@code
 * lepton_decisions_seconds_count}, {@code _sum} and {@code _bucket}, whose {@code
 * histogram_quantile} gives any percentile over any window; buckets at 5, 10 and 50 ms besides, for
 * service-level objectives), and the two steps inside, {@code lepton.decision.scoring} per model
 * and {@code lepton.decision.rules} per rule set. Tags take only names Lepton knows (deployed
 * models, approved rule sets, its own error codes), so a caller cannot grow the registry by
 * inventing model names.
 */
public final class DecisionMeters {

  /** The model tag of a call naming no deployed model. */
  public static final String UNKNOWN_MODEL = "unknown";

  private final MeterRegistry registry;

  public DecisionMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  public void decided(String model, String decision, long nanos) {
    Timer.builder("lepton.decisions")
        .description("Decisions over Lepton's API, from the call to the logged answer")
        .tag("model", model)
        .tag("decision", decision)
        .publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The rows of one batch: {@code lepton.decisions.batch.rows} per model and outcome (decided /
   * refused).
   */
  public void batch(String model, long decided, long refused) {
    Counter.builder("lepton.decisions.batch.rows")
        .description("Rows of batch decisions, decided or refused")
        .tag("model", model)
        .tag("outcome", "decided")
        .register(registry)
        .increment(decided);
    Counter.builder("lepton.decisions.batch.rows")
        .description("Rows of batch decisions, decided or refused")
        .tag("model", model)
        .tag("outcome", "refused")
        .register(registry)
        .increment(refused);
  }

  public void scored(String model, long nanos) {
    Timer.builder("lepton.decision.scoring")
        .description("Scoring one record with the live model version")
        .tag("model", model)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public void ruled(String ruleSet, long nanos) {
    Timer.builder("lepton.decision.rules")
        .description("One rule session over a scored record")
        .tag("ruleSet", ruleSet)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
