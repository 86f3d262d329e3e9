package ai.lepton.ml.registry;

import java.time.Instant;
import java.util.Map;

/** A model risk officer's decision on a model version, with the evidence they decided on. */
public record Approval(String modelVersionId, String engagementKey, boolean approved, String approver, String reason,
    Map<String, Object> evidence, String taskId, Instant decidedAt) {}
