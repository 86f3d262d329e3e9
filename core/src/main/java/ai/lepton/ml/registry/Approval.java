package ai.lepton.ml.registry;

import java.time.Instant;
import java.util.Map;

/** A model risk officer's decision on a model version, with the evidence they decided on. */
public record Approval(
    String modelVersionId,
    String engagementKey,
    boolean approved,
    String approver,
    String reason,
    Map<String, Object> evidence,
    String taskId,
    Instant decidedAt) {

  /**
   * How an approved version goes live ({@code deployAs} in the evidence): in place of the live one.
   */
  public static final String DEPLOY_AS_CHAMPION = "champion";

  /** ... or on trial beside it, answering live decisions in shadow until a trial decision. */
  public static final String DEPLOY_AS_CHALLENGER = "challenger";

  public boolean deploysAsChallenger() {
    return approved && DEPLOY_AS_CHALLENGER.equals(evidence.get("deployAs"));
  }
}
