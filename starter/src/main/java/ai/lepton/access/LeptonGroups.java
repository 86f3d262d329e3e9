package ai.lepton.access;

import java.util.List;
import java.util.Map;

/** The Camunda groups Lepton's users belong to, and what each may do in Lepton's own API. */
public final class LeptonGroups {

  public static final String ADMIN = "camunda-admin";
  public static final String PROJECT_MANAGERS = "project-managers";
  public static final String DATA_SCIENTISTS = "data-scientists";
  public static final String MODEL_RISK_OFFICERS = "model-risk-officers";
  public static final String AUDITORS = "auditors";
  public static final String CREDIT_OFFICERS = "credit-officers";
  public static final String ACCOUNT_MANAGERS = "account-managers";

  /** Review the news alerts and client escalations of news monitoring. */
  public static final String RISK_ANALYSTS = "risk-analysts";

  /**
   * Service accounts of standalone training workers: they fetch, lock and hand back training tasks,
   * nothing else.
   */
  public static final String WORKERS = "lepton-workers";

  /**
   * Service accounts of metrics scrapers (Prometheus): they read {@code /actuator/prometheus},
   * nothing else.
   */
  public static final String METRICS_READERS = "lepton-metrics";

  public static final Map<String, String> NAMES =
      Map.of(
          ADMIN, "Camunda administrators",
          PROJECT_MANAGERS, "Project managers",
          DATA_SCIENTISTS, "Data scientists",
          MODEL_RISK_OFFICERS, "Model risk officers",
          AUDITORS, "Auditors",
          CREDIT_OFFICERS, "Credit officers",
          ACCOUNT_MANAGERS, "Account managers",
          RISK_ANALYSTS, "Risk analysts",
          WORKERS, "Training workers",
          METRICS_READERS, "Metrics scrapers");

  /** Who may read the audit trail. */
  public static final List<String> AUDIT_READERS = List.of(ADMIN, AUDITORS, MODEL_RISK_OFFICERS);

  /** Who may send a client's data into an engagement. */
  public static final List<String> DATA_SENDERS = List.of(ADMIN, PROJECT_MANAGERS, DATA_SCIENTISTS);

  /**
   * The rule sets whose decisions a business group's process calls, and so whose decision log the
   * group reads: credit-application decides with credit-decision, customer-retention with
   * churn-retention, news-monitoring with news-monitoring.
   */
  public static final Map<String, List<String>> DECISIONS_OWNED =
      Map.of(
          CREDIT_OFFICERS, List.of("credit-decision"),
          ACCOUNT_MANAGERS, List.of("churn-retention"),
          RISK_ANALYSTS, List.of("news-monitoring"));

  /** Groups that read every decision in the log. */
  public static final List<String> DECISION_LOG_READERS =
      List.of(ADMIN, AUDITORS, MODEL_RISK_OFFICERS);

  private LeptonGroups() {}
}
