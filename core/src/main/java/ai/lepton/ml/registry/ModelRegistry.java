package ai.lepton.ml.registry;

import ai.lepton.ml.Json;
import ai.lepton.ml.LeptonVersion;
import ai.lepton.ml.Sha256;
import ai.lepton.ml.audit.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import weka.core.Version;

/**
 * Lepton's model registry. A model version is written once; its status is the newest row of its
 * history, and each approval decision is kept with the evidence it was made on.
 */
@Component
public class ModelRegistry {

  private static final String INSERT_VERSION =
      "INSERT INTO lepton_model_version (id, model_name, engagement_key, process_instance_id, training_round,"
          + " problem_type, target_attribute, algorithm, options, seed, folds, dataset_id, dataset_sha256,"
          + " metrics_json, training_millis, model_bytes, model_sha256, weka_version, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String VERSION_COLUMNS =
      "SELECT id, model_name, engagement_key, process_instance_id, training_round, problem_type, target_attribute,"
          + " algorithm, options, seed, folds, dataset_id, dataset_sha256, metrics_json, training_millis,"
          + " model_sha256, weka_version, created_at FROM lepton_model_version";
  private static final String INSERT_STATUS =
      "INSERT INTO lepton_model_status (model_version_id, status, changed_by, changed_at, reason)"
          + " VALUES (?, ?, ?, ?, ?)";
  private static final String STATUS_HISTORY =
      "SELECT status, changed_by, changed_at, reason FROM lepton_model_status WHERE model_version_id = ? ORDER BY id";
  private static final String MODEL_BYTES =
      "SELECT model_bytes FROM lepton_model_version WHERE id = ?";
  private static final String DEPLOYED_UNDER_NAME =
      "SELECT v.id FROM lepton_model_version v JOIN lepton_model_status s ON s.model_version_id = v.id"
          + " WHERE v.model_name = ? AND s.id = (SELECT MAX(id) FROM lepton_model_status"
          + " WHERE model_version_id = v.id) AND s.status = 'DEPLOYED'";
  private static final String CHALLENGERS_UNDER_NAME =
      DEPLOYED_UNDER_NAME.replace("'DEPLOYED'", "'CHALLENGER'");
  private static final String INSERT_CHALLENGER_DECISION =
      "INSERT INTO lepton_challenger_decision (engagement_key,"
          + " model_version_id, promoted, officer, reason, evidence_json, task_id, decided_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String CHALLENGER_DECISIONS =
      "SELECT engagement_key, model_version_id, promoted, officer,"
          + " reason, evidence_json, task_id, decided_at FROM lepton_challenger_decision WHERE model_version_id = ?"
          + " ORDER BY id DESC";
  private static final String INSERT_APPROVAL =
      "INSERT INTO lepton_approval (model_version_id, engagement_key, approved, approver, reason, evidence_json,"
          + " task_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String APPROVALS =
      "SELECT model_version_id, engagement_key, approved, approver, reason, evidence_json, task_id, decided_at"
          + " FROM lepton_approval WHERE model_version_id = ? ORDER BY id";
  private static final String APPROVALS_OF_ENGAGEMENT =
      "SELECT model_version_id, engagement_key, approved, approver, reason, evidence_json, task_id, decided_at"
          + " FROM lepton_approval WHERE engagement_key = ? ORDER BY id";
  private static final String INSERT_ROLLBACK =
      "INSERT INTO lepton_rollback_confirmation (engagement_key,"
          + " model_version_id, decision, officer, reason, task_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String ROLLBACK_CONFIRMATIONS =
      "SELECT engagement_key, model_version_id, decision, officer,"
          + " reason, task_id, decided_at FROM lepton_rollback_confirmation WHERE engagement_key = ? ORDER BY id DESC";

  /** Who changed a status when no person did: Lepton's own automated steps. */
  public static final String SYSTEM = "lepton";

  private final JdbcTemplate jdbc;
  private final AuditTrail audit;

  public ModelRegistry(JdbcTemplate jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Registers a trained model as a CANDIDATE and returns its id. */
  public String register(NewModelVersion version) {
    return register(version, null);
  }

  /**
   * As {@link #register(NewModelVersion)}, naming the worker that trained it in the audit trail.
   */
  public String register(NewModelVersion version, String trainedBy) {
    String id = "mv-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Instant now = Instant.now();
    byte[] model = version.result().modelBytes();
    jdbc.update(
        INSERT_VERSION,
        id,
        version.modelName(),
        version.engagementKey(),
        version.processInstanceId(),
        version.trainingRound(),
        version.problemType(),
        version.targetAttribute(),
        version.algorithm().className(),
        version.algorithm().options(),
        version.seed(),
        version.folds(),
        version.datasetId(),
        version.datasetSha256(),
        Json.write(version.result().metrics()),
        version.result().trainingMillis(),
        model,
        Sha256.hex(model),
        Version.VERSION,
        Timestamp.from(now));
    jdbc.update(
        INSERT_STATUS,
        id,
        ModelStatus.CANDIDATE.name(),
        SYSTEM,
        Timestamp.from(now),
        version.folds() == 0
            ? "evaluated time-ordered on the series' last periods"
            : "cross-validated " + version.folds() + "-fold with seed " + version.seed());
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("modelVersionId", id);
    run.put("modelName", version.modelName());
    run.put("engagement", version.engagementKey());
    run.put("trainingRound", version.trainingRound());
    run.put("algorithm", version.algorithm().className());
    run.put("options", version.algorithm().options());
    run.put("seed", version.seed());
    run.put("folds", version.folds());
    run.put("datasetId", version.datasetId());
    run.put("datasetSha256", version.datasetSha256());
    run.put("metrics", version.result().metrics());
    run.put("modelSha256", Sha256.hex(model));
    run.put("wekaVersion", Version.VERSION);
    run.put("leptonVersion", LeptonVersion.VERSION);
    if (trainedBy != null) {
      run.put("trainedBy", trainedBy);
    }
    audit.append(SYSTEM, "TRAINING_RUN", "model", id, run);
    return id;
  }

  public Optional<ModelVersion> find(String id) {
    return jdbc.query(VERSION_COLUMNS + " WHERE id = ?", this::map, id).stream().findFirst();
  }

  public ModelVersion get(String id) {
    return find(id).orElseThrow(() -> new UnknownModelException(id));
  }

  public List<ModelVersion> findByEngagement(String engagementKey) {
    return jdbc.query(
        VERSION_COLUMNS + " WHERE engagement_key = ? ORDER BY created_at, id",
        this::map,
        engagementKey);
  }

  public List<ModelVersion> findAll() {
    return jdbc.query(VERSION_COLUMNS + " ORDER BY created_at, id", this::map);
  }

  /** The candidates one training round of one process instance produced. */
  public List<ModelVersion> candidatesOf(String processInstanceId, int trainingRound) {
    return jdbc.query(
        VERSION_COLUMNS + " WHERE process_instance_id = ? AND training_round = ? ORDER BY id",
        this::map,
        processInstanceId,
        trainingRound);
  }

  public byte[] modelFile(String id) {
    return jdbc.query(MODEL_BYTES, (rs, n) -> rs.getBytes(1), id).stream()
        .findFirst()
        .orElseThrow(() -> new UnknownModelException(id));
  }

  /**
   * Moves a version on, as the state machine of {@link ModelStatus} allows: CHAMPION from
   * CANDIDATE, DEPLOYED from APPROVED (only with a granted approval on record), RETIRED from
   * DEPLOYED. APPROVED and REJECTED are set only by {@link #recordApproval}, DEPLOYED again from
   * RETIRED only by {@link #rollBack}. Any other change is refused and the refusal audited.
   */
  public void changeStatus(String id, ModelStatus status, String changedBy, String reason) {
    ModelVersion version = get(id);
    ModelStatus before = currentStatus(id);
    if (status == ModelStatus.APPROVED || status == ModelStatus.REJECTED) {
      throw refused(
          version,
          before,
          status,
          changedBy,
          "only a model risk officer's approval decision sets " + status);
    }
    if (before == ModelStatus.RETIRED && status == ModelStatus.DEPLOYED) {
      throw refused(
          version,
          before,
          status,
          changedBy,
          "a retired version goes live again only by a rollback a model risk officer confirmed");
    }
    if (before == ModelStatus.CHALLENGER && status == ModelStatus.DEPLOYED) {
      throw refused(
          version,
          before,
          status,
          changedBy,
          "a challenger goes live only on a model risk officer's recorded decision to promote it");
    }
    if ((status == ModelStatus.DEPLOYED || status == ModelStatus.CHALLENGER)
        && approvalsOf(id).stream().noneMatch(Approval::approved)) {
      throw refused(version, before, status, changedBy, "no approval of this version is on record");
    }
    if (status == ModelStatus.CHALLENGER && deployedUnder(version.modelName()).isEmpty()) {
      throw refused(
          version,
          before,
          status,
          changedBy,
          "no version of '" + version.modelName() + "' is live for it to challenge");
    }
    transition(version, before, status, changedBy, reason);
  }

  private void transition(
      ModelVersion version,
      ModelStatus before,
      ModelStatus status,
      String changedBy,
      String reason) {
    transition(version, before, status, changedBy, reason, null);
  }

  /**
   * A change of status, audited; {@code rolledBackBy} names the engagement whose rollback made it,
   * if one did.
   */
  private void transition(
      ModelVersion version,
      ModelStatus before,
      ModelStatus status,
      String changedBy,
      String reason,
      String rolledBackBy) {
    if (!before.next().contains(status)) {
      throw refused(
          version, before, status, changedBy, "a " + before + " version cannot become " + status);
    }
    jdbc.update(
        INSERT_STATUS,
        version.id(),
        status.name(),
        changedBy,
        Timestamp.from(Instant.now()),
        reason);
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("modelName", version.modelName());
    change.put("engagement", version.engagementKey());
    change.put("from", before.name());
    change.put("to", status.name());
    change.put("reason", reason);
    change.put("modelSha256", version.modelSha256());
    if (rolledBackBy != null) {
      change.put("rollbackInEngagement", rolledBackBy);
    }
    audit.append(changedBy, "MODEL_" + status.name(), "model", version.id(), change);
  }

  private ModelTransitionRefusedException refused(
      ModelVersion version, ModelStatus before, ModelStatus status, String by, String why) {
    String message =
        String.format(
            "Model version %s (%s) cannot become %s: %s", version.id(), before, status, why);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("engagement", version.engagementKey());
    payload.put("from", before.name());
    payload.put("to", status.name());
    payload.put("reason", message);
    audit.appendRegardless(by, "MODEL_TRANSITION_REFUSED", "model", version.id(), payload);
    return new ModelTransitionRefusedException(message);
  }

  /**
   * The engagement's champion awaiting a decision: of its versions now CHAMPION, the one crowned
   * last.
   */
  public Optional<ModelVersion> championOf(String engagementKey) {
    return jdbc
        .query(
            VERSION_COLUMNS
                + " v WHERE engagement_key = ? AND (SELECT status FROM lepton_model_status s"
                + " WHERE s.id = (SELECT MAX(id) FROM lepton_model_status WHERE model_version_id = v.id)) = 'CHAMPION'"
                + " ORDER BY (SELECT MAX(id) FROM lepton_model_status WHERE model_version_id = v.id) DESC",
            this::map,
            engagementKey)
        .stream()
        .findFirst();
  }

  /**
   * The engagement's version approved and not yet deployed, with the approval that allows deploying
   * it.
   */
  public Optional<Approval> approvalAwaitingDeployment(String engagementKey) {
    return jdbc.query(APPROVALS_OF_ENGAGEMENT, this::mapApproval, engagementKey).stream()
        .filter(Approval::approved)
        .filter(approval -> currentStatus(approval.modelVersionId()) == ModelStatus.APPROVED)
        .reduce((earlier, later) -> later);
  }

  /**
   * Keeps a risk officer's answer to a ROLLBACK verdict: the only thing {@link #rollBack} acts on.
   */
  public void recordRollbackConfirmation(RollbackConfirmation confirmation) {
    jdbc.update(
        INSERT_ROLLBACK,
        confirmation.engagementKey(),
        confirmation.modelVersionId(),
        confirmation.decision(),
        confirmation.officer(),
        confirmation.reason(),
        confirmation.taskId(),
        Timestamp.from(confirmation.decidedAt()));
  }

  /**
   * Puts the previously deployed version back live on the engagement's latest rollback
   * confirmation: it must confirm a rollback of the version live now, given after that version went
   * live (so one confirmation serves once). The live version is RETIRED and the previous one
   * DEPLOYED, both by the confirming officer. Returns the restored one.
   */
  public ModelVersion rollBack(String engagementKey, String liveVersionId) {
    ModelVersion live = get(liveVersionId);
    RollbackConfirmation confirmation =
        jdbc
            .query(
                ROLLBACK_CONFIRMATIONS,
                (rs, n) ->
                    new RollbackConfirmation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()),
                engagementKey)
            .stream()
            .findFirst()
            .orElse(null);
    Instant liveSince = deployedSince(liveVersionId).orElse(Instant.MAX);
    if (confirmation == null
        || !confirmation.confirmsRollback()
        || !confirmation.modelVersionId().equals(liveVersionId)
        || confirmation.decidedAt().isBefore(liveSince)
        || currentStatus(liveVersionId) != ModelStatus.DEPLOYED) {
      throw refused(
          live,
          currentStatus(liveVersionId),
          ModelStatus.RETIRED,
          SYSTEM,
          "engagement "
              + engagementKey
              + " has no model risk officer's confirmation on record to roll back this live version");
    }
    ModelVersion previous =
        previouslyDeployed(liveVersionId)
            .orElseThrow(
                () ->
                    refused(
                        live,
                        ModelStatus.DEPLOYED,
                        ModelStatus.RETIRED,
                        confirmation.officer(),
                        "model '"
                            + live.modelName()
                            + "' has no earlier deployed version to roll back to"));
    String why =
        " (engagement "
            + engagementKey
            + ", confirmed at task "
            + confirmation.taskId()
            + "): "
            + confirmation.reason();
    transition(
        live,
        ModelStatus.DEPLOYED,
        ModelStatus.RETIRED,
        confirmation.officer(),
        "rolled back to " + previous.id() + why,
        engagementKey);
    transition(
        previous,
        ModelStatus.RETIRED,
        ModelStatus.DEPLOYED,
        confirmation.officer(),
        "restored by rollback from " + live.id() + why,
        engagementKey);
    return previous;
  }

  public List<StatusChange> statusHistory(String id) {
    return jdbc.query(
        STATUS_HISTORY,
        (rs, n) ->
            new StatusChange(
                ModelStatus.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4)),
        id);
  }

  public ModelStatus currentStatus(String id) {
    List<StatusChange> history = statusHistory(id);
    if (history.isEmpty()) {
      throw new UnknownModelException(id);
    }
    return history.get(history.size() - 1).status();
  }

  /**
   * The version that was DEPLOYED under a model name at an instant, from the status history (which
   * is only ever appended to): "which model was in production at time T".
   */
  public Optional<ModelVersion> liveAt(String modelName, Instant at) {
    return jdbc
        .query(
            VERSION_COLUMNS + " WHERE model_name = ? ORDER BY created_at, id", this::map, modelName)
        .stream()
        .filter(
            version ->
                statusHistory(version.id()).stream()
                    .filter(change -> !change.changedAt().isAfter(at))
                    .reduce((earlier, later) -> later)
                    .map(change -> change.status() == ModelStatus.DEPLOYED)
                    .orElse(false))
        .reduce((earlier, later) -> later);
  }

  /** When a version last went live (its latest DEPLOYED status change), if it ever did. */
  public Optional<Instant> deployedSince(String id) {
    return statusHistory(id).stream()
        .filter(change -> change.status() == ModelStatus.DEPLOYED)
        .reduce((earlier, later) -> later)
        .map(StatusChange::changedAt);
  }

  /**
   * The version to roll back to from {@code currentId}: of the same model name, approved and live
   * before, now retired, the one that went live most recently.
   */
  public Optional<ModelVersion> previouslyDeployed(String currentId) {
    ModelVersion current = get(currentId);
    ModelVersion previous = null;
    Instant previousLive = null;
    for (ModelVersion version :
        jdbc.query(
            VERSION_COLUMNS + " WHERE model_name = ? AND id <> ?",
            this::map,
            current.modelName(),
            currentId)) {
      List<StatusChange> history = statusHistory(version.id());
      Instant live =
          history.stream()
              .filter(change -> change.status() == ModelStatus.DEPLOYED)
              .reduce((earlier, later) -> later)
              .map(StatusChange::changedAt)
              .orElse(null);
      boolean retired = history.get(history.size() - 1).status() == ModelStatus.RETIRED;
      if (retired && live != null && (previousLive == null || live.isAfter(previousLive))) {
        previous = version;
        previousLive = live;
      }
    }
    return Optional.ofNullable(previous);
  }

  /** The versions on trial as challengers under a model name: one, or none. */
  public List<String> challengersUnder(String modelName) {
    return jdbc.queryForList(CHALLENGERS_UNDER_NAME, String.class, modelName);
  }

  /**
   * Keeps a model risk officer's decision on a challenger's trial, audited with its evidence: the
   * only thing {@link #settleChallenger} acts on. The version must be on trial, in that engagement.
   */
  public void recordChallengerDecision(ChallengerDecision decision) {
    ModelVersion version = get(decision.modelVersionId());
    ModelStatus now = currentStatus(version.id());
    ModelStatus after = decision.promoted() ? ModelStatus.DEPLOYED : ModelStatus.RETIRED;
    if (now != ModelStatus.CHALLENGER
        || !version.engagementKey().equals(decision.engagementKey())) {
      throw refused(
          version,
          now,
          after,
          decision.officer(),
          now != ModelStatus.CHALLENGER
              ? "only a version on trial as a challenger is promoted or retired on a trial decision"
              : "it belongs to engagement "
                  + version.engagementKey()
                  + ", not "
                  + decision.engagementKey());
    }
    jdbc.update(
        INSERT_CHALLENGER_DECISION,
        decision.engagementKey(),
        decision.modelVersionId(),
        decision.promoted(),
        decision.officer(),
        decision.reason(),
        Json.write(decision.evidence()),
        decision.taskId(),
        Timestamp.from(decision.decidedAt()));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("promoted", decision.promoted());
    payload.put("engagement", decision.engagementKey());
    payload.put("reason", decision.reason());
    payload.put("taskId", decision.taskId());
    payload.put("evidence", decision.evidence());
    audit.append(
        decision.officer(),
        decision.promoted() ? "CHALLENGER_PROMOTION_GRANTED" : "CHALLENGER_PROMOTION_DENIED",
        "model",
        decision.modelVersionId(),
        payload);
  }

  /** The trial decisions on a version, newest first. */
  public List<ChallengerDecision> challengerDecisionsOf(String modelVersionId) {
    return jdbc.query(
        CHALLENGER_DECISIONS,
        (rs, n) ->
            new ChallengerDecision(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                rs.getString(4),
                rs.getString(5),
                Json.readMap(rs.getString(6)),
                rs.getString(7),
                rs.getTimestamp(8).toInstant()),
        modelVersionId);
  }

  /**
   * Ends a challenger's trial on the latest decision recorded for it since it went on trial:
   * promoted, the live version(s) of its model name are RETIRED and it goes live (DEPLOYED); not,
   * it is RETIRED. Both by the deciding officer. Without such a decision nothing changes and the
   * refusal is audited. Returns the version live after.
   */
  public ModelVersion settleChallenger(String engagementKey, String challengerId) {
    ModelVersion challenger = get(challengerId);
    ModelStatus now = currentStatus(challengerId);
    Instant onTrialSince =
        statusHistory(challengerId).stream()
            .filter(change -> change.status() == ModelStatus.CHALLENGER)
            .reduce((earlier, later) -> later)
            .map(StatusChange::changedAt)
            .orElse(Instant.MAX);
    ChallengerDecision decision =
        challengerDecisionsOf(challengerId).stream()
            .findFirst()
            .filter(
                d ->
                    d.engagementKey().equals(engagementKey)
                        && !d.decidedAt().isBefore(onTrialSince))
            .orElse(null);
    if (decision == null || now != ModelStatus.CHALLENGER) {
      throw refused(
          challenger,
          now,
          ModelStatus.DEPLOYED,
          SYSTEM,
          "engagement "
              + engagementKey
              + " has no model risk officer's decision on record to end this challenger's trial");
    }
    String why =
        " (engagement "
            + engagementKey
            + ", decided at task "
            + decision.taskId()
            + "): "
            + decision.reason();
    if (!decision.promoted()) {
      transition(
          challenger,
          now,
          ModelStatus.RETIRED,
          decision.officer(),
          "lost its trial as a challenger" + why);
      return deployedUnder(challenger.modelName()).stream().findFirst().map(this::get).orElse(null);
    }
    for (String live : deployedUnder(challenger.modelName())) {
      transition(
          get(live),
          ModelStatus.DEPLOYED,
          ModelStatus.RETIRED,
          decision.officer(),
          "replaced by challenger " + challengerId + why);
    }
    transition(
        challenger,
        now,
        ModelStatus.DEPLOYED,
        decision.officer(),
        "promoted from challenger" + why);
    return challenger;
  }

  /** The versions live under a model name: one, or none before the first deployment. */
  public List<String> deployedUnder(String modelName) {
    return jdbc.queryForList(DEPLOYED_UNDER_NAME, String.class, modelName);
  }

  /**
   * Records a risk officer's decision on a CHAMPION and moves it to APPROVED or REJECTED: the only
   * way to either.
   */
  public void recordApproval(Approval approval) {
    ModelVersion version = get(approval.modelVersionId());
    ModelStatus before = currentStatus(version.id());
    ModelStatus after = approval.approved() ? ModelStatus.APPROVED : ModelStatus.REJECTED;
    if (before != ModelStatus.CHAMPION
        || !version.engagementKey().equals(approval.engagementKey())) {
      throw refused(
          version,
          before,
          after,
          approval.approver(),
          before != ModelStatus.CHAMPION
              ? "only an engagement's champion is approved or rejected"
              : "it belongs to engagement "
                  + version.engagementKey()
                  + ", not "
                  + approval.engagementKey());
    }
    jdbc.update(
        INSERT_APPROVAL,
        approval.modelVersionId(),
        approval.engagementKey(),
        approval.approved(),
        approval.approver(),
        approval.reason(),
        Json.write(approval.evidence()),
        approval.taskId(),
        Timestamp.from(approval.decidedAt()));
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("approved", approval.approved());
    decision.put("engagement", approval.engagementKey());
    decision.put("reason", approval.reason());
    decision.put("taskId", approval.taskId());
    decision.put("evidence", approval.evidence());
    audit.append(
        approval.approver(),
        approval.approved() ? "APPROVAL_GRANTED" : "APPROVAL_DENIED",
        "model",
        approval.modelVersionId(),
        decision);
    transition(version, before, after, approval.approver(), approval.reason());
  }

  public List<Approval> approvalsOf(String modelVersionId) {
    return jdbc.query(APPROVALS, this::mapApproval, modelVersionId);
  }

  private Approval mapApproval(ResultSet rs, int row) throws SQLException {
    return new Approval(
        rs.getString(1),
        rs.getString(2),
        rs.getBoolean(3),
        rs.getString(4),
        rs.getString(5),
        Json.readMap(rs.getString(6)),
        rs.getString(7),
        rs.getTimestamp(8).toInstant());
  }

  private ModelVersion map(ResultSet rs, int rowNum) throws SQLException {
    return new ModelVersion(
        rs.getString("id"),
        rs.getString("model_name"),
        rs.getString("engagement_key"),
        rs.getString("process_instance_id"),
        rs.getInt("training_round"),
        rs.getString("problem_type"),
        rs.getString("target_attribute"),
        rs.getString("algorithm"),
        rs.getString("options"),
        rs.getInt("seed"),
        rs.getInt("folds"),
        rs.getString("dataset_id"),
        rs.getString("dataset_sha256"),
        Json.readMap(rs.getString("metrics_json")),
        rs.getLong("training_millis"),
        rs.getString("model_sha256"),
        rs.getString("weka_version"),
        rs.getTimestamp("created_at").toInstant());
  }
}
