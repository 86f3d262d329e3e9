package ai.lepton.ml.registry;

import java.time.Instant;
import java.util.Map;

/**
 * A model risk officer's decision on a challenger's trial: promote it to live in place of the
 * champion, or retire it; with the reason and the comparison of the two on live decisions that it
 * was taken on.
 */
public record ChallengerDecision(
    String engagementKey,
    String modelVersionId,
    boolean promoted,
    String officer,
    String reason,
    Map<String, Object> evidence,
    String taskId,
    Instant decidedAt) {

  public ChallengerDecision {
    evidence = Map.copyOf(evidence);
  }
}
