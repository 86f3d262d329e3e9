package ai.lepton.process;

/**
 * The processes Lepton ships, by the key their BPMN declares: what other modules start, query and
 * authorize.
 */
public enum ProcessKey {

  /** One client engagement, requirements to maintenance. */
  AI_ENGAGEMENT("ai-engagement"),
  /** A straight-through decision: score a record, apply a rule set, log it. */
  MODEL_DECISION("model-decision"),
  /**
   * A credit application decided by the credit model and rules; a credit officer reviews what they
   * send on.
   */
  CREDIT_APPLICATION("credit-application"),
  /** A churn decision and its retention action; an account manager takes escalations. */
  CUSTOMER_RETENTION("customer-retention"),
  /** Reorder when forecast demand over the lead time exceeds stock: rules acting on a forecast. */
  STOCK_REPLENISHMENT("stock-replenishment"),
  /** A rule set version's release: impact analysis, a model risk officer's approval, activation. */
  RULE_CHANGE("rule-change"),
  /**
   * A news item read by a text model and the news-monitoring rules; a risk analyst reviews alerts
   * and escalations.
   */
  NEWS_MONITORING("news-monitoring");

  private final String key;

  ProcessKey(String key) {
    this.key = key;
  }

  /** The process definition key, as in the BPMN. */
  public String key() {
    return key;
  }
}
