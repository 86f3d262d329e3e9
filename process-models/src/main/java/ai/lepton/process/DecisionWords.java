package ai.lepton.process;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Each rule set's decision words, weakest first: what its rules decide, what the gateways after a
 * rule task test ({@code ${maintenanceVerdict == 'ROLLBACK'}}) and what listeners and notifications
 * act on. The rule sets declare their decisions from these, and {@code ProcessModelLintTest} holds
 * every word a BPMN condition tests to them, so a misspelt word fails a test instead of leaving a
 * gateway with no way out.
 */
public final class DecisionWords {

  private DecisionWords() {}

  /** data-quality: a dataset passes, is cleaned first, or is refused. */
  public enum Quality {
    PASS,
    CLEAN,
    REJECT
  }

  /** approval-policy: what the approval form shows the risk officer. */
  public enum ApprovalPolicy {
    CLEAR,
    WARN,
    BLOCK
  }

  /** maintenance: the verdict of a monitoring check. */
  public enum Maintenance {
    OK,
    WARN,
    RETRAIN,
    ROLLBACK
  }

  /** churn-retention: what is done for a customer likely to leave. */
  public enum Retention {
    NO_ACTION,
    OFFER_DISCOUNT,
    RETENTION_CALL,
    ESCALATE_TO_ACCOUNT_MANAGER
  }

  /** credit-decision: an application approved, declined or reviewed by a credit officer. */
  public enum Credit {
    APPROVE,
    DECLINE,
    MANUAL_REVIEW
  }

  /** news-monitoring: a news item ignored, reviewed by a risk analyst, or its client escalated. */
  public enum News {
    IGNORE,
    REVIEW_NEGATIVE_NEWS,
    ESCALATE_CLIENT
  }

  /** stock-replenishment: hold, reorder, or reorder at once. */
  public enum Stock {
    HOLD,
    REORDER,
    EXPEDITE
  }

  /** The words of one rule set's enum, weakest first. */
  public static List<String> of(Enum<?>[] words) {
    return Arrays.stream(words).map(Enum::name).toList();
  }

  /** Every word any rule set decides. */
  public static List<String> all() {
    return Stream.of(
            Quality.values(),
            ApprovalPolicy.values(),
            Maintenance.values(),
            Retention.values(),
            Credit.values(),
            News.values(),
            Stock.values())
        .flatMap(words -> of(words).stream())
        .distinct()
        .toList();
  }
}
