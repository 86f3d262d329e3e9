package ai.lepton.access;

import java.util.List;

/**
 * Who may read one kind of Lepton's records over its API: the path patterns (normalised, decoded),
 * the groups, and the sentence a refused caller reads (and the audit entry keeps).
 */
public record ReadRule(String what, List<String> paths, List<String> groups, String refusal) {

  /** Raw client data and trained model files: the people who run, review and audit engagements. */
  public static final ReadRule RAW_DATA =
      new ReadRule(
          "datasets and model files",
          List.of("/api/datasets/**", "/api/models/*/file"),
          List.of(
              LeptonGroups.ADMIN,
              LeptonGroups.PROJECT_MANAGERS,
              LeptonGroups.DATA_SCIENTISTS,
              LeptonGroups.MODEL_RISK_OFFICERS,
              LeptonGroups.AUDITORS),
          "Clients' datasets and model files are read by project managers, data scientists, model risk officers,"
              + " auditors and administrators only");

  /**
   * The decision log: auditors, model risk officers, administrators, and the groups whose business
   * process calls the decisions (credit officers and account managers see the decisions of their
   * own rule set only: {@link LeptonGroups#DECISIONS_OWNED}).
   */
  public static final ReadRule DECISION_LOG =
      new ReadRule(
          "the decision log",
          List.of("/api/decisions"),
          List.of(
              LeptonGroups.ADMIN,
              LeptonGroups.AUDITORS,
              LeptonGroups.MODEL_RISK_OFFICERS,
              LeptonGroups.CREDIT_OFFICERS,
              LeptonGroups.ACCOUNT_MANAGERS,
              LeptonGroups.RISK_ANALYSTS),
          "The decision log is read by auditors, model risk officers, administrators and the group whose process"
              + " calls the decisions");

  /** The audit trail. */
  public static final ReadRule AUDIT_TRAIL =
      new ReadRule(
          "the audit trail",
          List.of("/api/audit", "/api/audit/**"),
          LeptonGroups.AUDIT_READERS,
          "Only auditors, model risk officers and administrators may read the audit trail");

  /** The forecast log: what deployed forecasters answered, and to whom. */
  public static final ReadRule FORECAST_LOG =
      new ReadRule(
          "the forecast log",
          List.of("/api/forecasts"),
          LeptonGroups.DECISION_LOG_READERS,
          "The forecast log is read by auditors, model risk officers and administrators");

  /**
   * Training work: what a locked task asks to train, its dataset, and handing the candidate back.
   */
  public static final ReadRule TRAINING_WORK =
      new ReadRule(
          "training tasks",
          List.of("/api/training-tasks/**"),
          List.of(LeptonGroups.WORKERS),
          "Training tasks are fetched and handed back by training workers only");

  /**
   * The meters (Spring Boot Actuator's endpoints): administrators and metrics scrapers' service
   * accounts.
   */
  public static final ReadRule METRICS =
      new ReadRule(
          "metrics",
          List.of("/actuator", "/actuator/**"),
          List.of(LeptonGroups.ADMIN, LeptonGroups.METRICS_READERS),
          "Metrics are read by administrators and the service accounts of metrics scrapers (group lepton-metrics)");

  /** Replaying logged decisions: those who answer for decisions after the fact. */
  public static final ReadRule REPLAY =
      new ReadRule(
          "decision replays",
          List.of("/api/decisions/*/replay", "/api/decisions/replay"),
          List.of(LeptonGroups.ADMIN, LeptonGroups.AUDITORS, LeptonGroups.MODEL_RISK_OFFICERS),
          "Logged decisions are replayed by auditors, model risk officers and administrators");

  public static final List<ReadRule> ALL =
      List.of(RAW_DATA, DECISION_LOG, AUDIT_TRAIL, FORECAST_LOG, TRAINING_WORK, METRICS, REPLAY);

  public String[] authorities() {
    return groups.stream().map(group -> "GROUP_" + group).toArray(String[]::new);
  }
}
