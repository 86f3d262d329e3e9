package ai.lepton.ml.registry;

import java.time.Instant;

/**
 * A model risk officer's answer to a ROLLBACK verdict on a live version: rollback, retrain or keep,
 * and why.
 */
public record RollbackConfirmation(
    String engagementKey,
    String modelVersionId,
    String decision,
    String officer,
    String reason,
    String taskId,
    Instant decidedAt) {

  public boolean confirmsRollback() {
    return "rollback".equals(decision);
  }
}
