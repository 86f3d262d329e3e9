package ai.lepton.metrics;

import ai.lepton.ml.audit.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * Counts what the audit trail records once it is committed: {@code lepton.audit.entries} per entry
 * type (refusals, approvals, deployments...), and the datasets the ingest pipeline took in or
 * refused as {@code lepton.datasets} (outcome {@code accepted} / {@code refused}), from the same
 * entries.
 */
public final class AuditMeters {

  private static final Map<String, String> DATASET_OUTCOMES =
      Map.of("DATASET_ACCEPTED", "accepted", "DATASET_REFUSED", "refused");

  private AuditMeters() {}

  public static void register(MeterRegistry registry, AuditTrail audit) {
    DATASET_OUTCOMES
        .values()
        .forEach(outcome -> datasets(registry, outcome)); // 0 from the start, not absent
    audit.whenCommitted(
        entry -> {
          Counter.builder("lepton.audit.entries")
              .description("Audit entries recorded, by type")
              .tag("type", entry.type())
              .register(registry)
              .increment();
          String outcome = DATASET_OUTCOMES.get(entry.type());
          if (outcome != null) {
            datasets(registry, outcome).increment();
          }
        });
  }

  private static Counter datasets(MeterRegistry registry, String outcome) {
    return Counter.builder("lepton.datasets")
        .description("Datasets the ingest pipeline accepted or refused")
        .tag("outcome", outcome)
        .register(registry);
  }
}
