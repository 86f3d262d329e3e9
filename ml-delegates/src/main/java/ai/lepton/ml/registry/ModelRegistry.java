package ai.lepton.ml.registry;

import ai.lepton.ml.Json;
import ai.lepton.ml.LeptonVersion;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.Sha256;
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
 * Lepton's model registry. A model version is written once; its status is the newest row of its history, and each
 * approval decision is kept with the evidence it was made on.
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
  private static final String MODEL_BYTES = "SELECT model_bytes FROM lepton_model_version WHERE id = ?";
  private static final String DEPLOYED_UNDER_NAME =
      "SELECT v.id FROM lepton_model_version v JOIN lepton_model_status s ON s.model_version_id = v.id"
          + " WHERE v.model_name = ? AND s.id = (SELECT MAX(id) FROM lepton_model_status"
          + " WHERE model_version_id = v.id) AND s.status = 'DEPLOYED'";
  private static final String INSERT_APPROVAL =
      "INSERT INTO lepton_approval (model_version_id, engagement_key, approved, approver, reason, evidence_json,"
          + " task_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String APPROVALS =
      "SELECT model_version_id, engagement_key, approved, approver, reason, evidence_json, task_id, decided_at"
          + " FROM lepton_approval WHERE model_version_id = ? ORDER BY id";

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
    String id = "mv-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Instant now = Instant.now();
    byte[] model = version.result().modelBytes();
    jdbc.update(INSERT_VERSION, id, version.modelName(), version.engagementKey(), version.processInstanceId(),
        version.trainingRound(), version.problemType(), version.targetAttribute(), version.algorithm().className(),
        version.algorithm().options(), version.seed(), version.folds(), version.datasetId(), version.datasetSha256(),
        Json.write(version.result().metrics()), version.result().trainingMillis(), model, Sha256.hex(model),
        Version.VERSION, Timestamp.from(now));
    jdbc.update(INSERT_STATUS, id, ModelStatus.CANDIDATE.name(), SYSTEM, Timestamp.from(now),
        "cross-validated " + version.folds() + "-fold with seed " + version.seed());
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
    return jdbc.query(VERSION_COLUMNS + " WHERE engagement_key = ? ORDER BY created_at, id", this::map,
        engagementKey);
  }

  public List<ModelVersion> findAll() {
    return jdbc.query(VERSION_COLUMNS + " ORDER BY created_at, id", this::map);
  }

  /** The candidates one training round of one process instance produced. */
  public List<ModelVersion> candidatesOf(String processInstanceId, int trainingRound) {
    return jdbc.query(VERSION_COLUMNS + " WHERE process_instance_id = ? AND training_round = ? ORDER BY id",
        this::map, processInstanceId, trainingRound);
  }

  public byte[] modelFile(String id) {
    return jdbc.query(MODEL_BYTES, (rs, n) -> rs.getBytes(1), id).stream().findFirst()
        .orElseThrow(() -> new UnknownModelException(id));
  }

  public void changeStatus(String id, ModelStatus status, String changedBy, String reason) {
    ModelVersion version = get(id);
    ModelStatus before = currentStatus(id);
    jdbc.update(INSERT_STATUS, id, status.name(), changedBy, Timestamp.from(Instant.now()), reason);
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("modelName", version.modelName());
    change.put("engagement", version.engagementKey());
    change.put("from", before.name());
    change.put("to", status.name());
    change.put("reason", reason);
    change.put("modelSha256", version.modelSha256());
    audit.append(changedBy, "MODEL_" + status.name(), "model", id, change);
  }

  public List<StatusChange> statusHistory(String id) {
    return jdbc.query(STATUS_HISTORY, (rs, n) -> new StatusChange(ModelStatus.valueOf(rs.getString(1)),
        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)), id);
  }

  public ModelStatus currentStatus(String id) {
    List<StatusChange> history = statusHistory(id);
    if (history.isEmpty()) {
      throw new UnknownModelException(id);
    }
    return history.get(history.size() - 1).status();
  }

  /**
   * The version that was DEPLOYED under a model name at an instant, from the status history (which is only ever
   * appended to): "which model was in production at time T".
   */
  public Optional<ModelVersion> liveAt(String modelName, Instant at) {
    return jdbc.query(VERSION_COLUMNS + " WHERE model_name = ? ORDER BY created_at, id", this::map, modelName)
        .stream().filter(version -> statusHistory(version.id()).stream()
            .filter(change -> !change.changedAt().isAfter(at))
            .reduce((earlier, later) -> later)
            .map(change -> change.status() == ModelStatus.DEPLOYED).orElse(false))
        .reduce((earlier, later) -> later);
  }

  /** When a version last went live (its latest DEPLOYED status change), if it ever did. */
  public Optional<Instant> deployedSince(String id) {
    return statusHistory(id).stream().filter(change -> change.status() == ModelStatus.DEPLOYED)
        .reduce((earlier, later) -> later).map(StatusChange::changedAt);
  }

  /**
   * The version to roll back to from {@code currentId}: of the same model name, approved and live before, now
   * retired, the one that went live most recently.
   */
  public Optional<ModelVersion> previouslyDeployed(String currentId) {
    ModelVersion current = get(currentId);
    ModelVersion previous = null;
    Instant previousLive = null;
    for (ModelVersion version : jdbc.query(VERSION_COLUMNS + " WHERE model_name = ? AND id <> ?", this::map,
        current.modelName(), currentId)) {
      List<StatusChange> history = statusHistory(version.id());
      Instant live = history.stream().filter(change -> change.status() == ModelStatus.DEPLOYED)
          .reduce((earlier, later) -> later).map(StatusChange::changedAt).orElse(null);
      boolean retired = history.get(history.size() - 1).status() == ModelStatus.RETIRED;
      if (retired && live != null && (previousLive == null || live.isAfter(previousLive))) {
        previous = version;
        previousLive = live;
      }
    }
    return Optional.ofNullable(previous);
  }

  /** The versions live under a model name: one, or none before the first deployment. */
  public List<String> deployedUnder(String modelName) {
    return jdbc.queryForList(DEPLOYED_UNDER_NAME, String.class, modelName);
  }

  public void recordApproval(Approval approval) {
    jdbc.update(INSERT_APPROVAL, approval.modelVersionId(), approval.engagementKey(), approval.approved(),
        approval.approver(), approval.reason(), Json.write(approval.evidence()), approval.taskId(),
        Timestamp.from(approval.decidedAt()));
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("approved", approval.approved());
    decision.put("engagement", approval.engagementKey());
    decision.put("reason", approval.reason());
    decision.put("taskId", approval.taskId());
    decision.put("evidence", approval.evidence());
    audit.append(approval.approver(), approval.approved() ? "APPROVAL_GRANTED" : "APPROVAL_DENIED", "model",
        approval.modelVersionId(), decision);
    changeStatus(approval.modelVersionId(), approval.approved() ? ModelStatus.APPROVED : ModelStatus.REJECTED,
        approval.approver(), approval.reason());
  }

  public List<Approval> approvalsOf(String modelVersionId) {
    return jdbc.query(APPROVALS, (rs, n) -> new Approval(rs.getString(1), rs.getString(2), rs.getBoolean(3),
        rs.getString(4), rs.getString(5), Json.readMap(rs.getString(6)), rs.getString(7),
        rs.getTimestamp(8).toInstant()), modelVersionId);
  }

  private ModelVersion map(ResultSet rs, int rowNum) throws SQLException {
    return new ModelVersion(rs.getString("id"), rs.getString("model_name"), rs.getString("engagement_key"),
        rs.getString("process_instance_id"), rs.getInt("training_round"), rs.getString("problem_type"),
        rs.getString("target_attribute"), rs.getString("algorithm"), rs.getString("options"), rs.getInt("seed"),
        rs.getInt("folds"), rs.getString("dataset_id"), rs.getString("dataset_sha256"),
        Json.readMap(rs.getString("metrics_json")), rs.getLong("training_millis"), rs.getString("model_sha256"),
        rs.getString("weka_version"), rs.getTimestamp("created_at").toInstant());
  }
}
