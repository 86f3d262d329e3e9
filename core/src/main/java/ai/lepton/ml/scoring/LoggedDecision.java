package ai.lepton.ml.scoring;

import java.util.List;
import java.util.Map;

/**
 * A decision as the decision log keeps it: the record decided on, what the model predicted, what
 * the rules made of it and why, the process that asked, and any person's review of it since.
 *
 * @param probability the predicted class's probability (null for a regression)
 * @param explanation the attributes that moved this prediction most, each with its contribution
 * @param batchId the batch the decision was taken in (null for a single decision)
 * @param requestedBy the logged-in user who asked for it ({@code file-drop} for a dropped file;
 *     null before 0.1.0's log kept it)
 * @param ruleSetVersion the number of the rule set's version that decided, and its SHA-256 (null
 *     before the log kept them)
 * @param context the business facts the rule set read beside the record (empty: none)
 */
public record LoggedDecision(
    String decisionId,
    String modelName,
    String modelVersionId,
    String ruleSet,
    Map<String, Object> features,
    String prediction,
    Double probability,
    Map<String, Object> distribution,
    String decision,
    List<String> rulesFired,
    String reason,
    String processInstanceId,
    String decidedAt,
    List<Map<String, Object>> explanation,
    String batchId,
    String requestedBy,
    Integer ruleSetVersion,
    String ruleSetSha256,
    Map<String, Object> context,
    List<Review> reviews) {

  /**
   * A person's review of a decision: the model's decision, the final one, and why when it was
   * overruled.
   */
  public record Review(
      String reviewer,
      String modelDecision,
      String finalDecision,
      boolean overruled,
      String reason,
      String reviewedAt) {}

  LoggedDecision withReviews(List<Review> reviews) {
    return new LoggedDecision(
        decisionId,
        modelName,
        modelVersionId,
        ruleSet,
        features,
        prediction,
        probability,
        distribution,
        decision,
        rulesFired,
        reason,
        processInstanceId,
        decidedAt,
        explanation,
        batchId,
        requestedBy,
        ruleSetVersion,
        ruleSetSha256,
        context,
        List.copyOf(reviews));
  }
}
