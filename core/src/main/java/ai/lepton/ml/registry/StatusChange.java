package ai.lepton.ml.registry;

import java.time.Instant;

/** One row of a model version's status history. */
public record StatusChange(
    ModelStatus status, String changedBy, Instant changedAt, String reason) {}
