package ai.lepton.ml.scoring;

import ai.lepton.ml.Json;
import ai.lepton.ml.TimeOrderedId;
import ai.lepton.ml.audit.AuditTrail;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lepton's decision log: one row per decision, written once, with everything needed to explain it
 * later, and the reviews of the people who accepted or overruled it.
 */
@Component
public class DecisionLog {

  private static final String INSERT =
      "INSERT INTO lepton_decision (id, model_name, model_version_id, rule_set, features_json, prediction,"
          + " probability, distribution_json, decision, rules_fired, reason, process_instance_id, decided_at,"
          + " explanation_json, requested_by, rule_set_version, rule_set_sha256, context_json)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_IN_BATCH =
      "INSERT INTO lepton_decision (id, model_name, model_version_id, rule_set, features_json, prediction,"
          + " probability, distribution_json, decision, rules_fired, reason, process_instance_id, decided_at,"
          + " explanation_json, batch_id, requested_by, rule_set_version, rule_set_sha256)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String COLUMNS =
      "SELECT id, model_name, model_version_id, rule_set, features_json, prediction, probability, distribution_json,"
          + " decision, rules_fired, reason, process_instance_id, decided_at, explanation_json, batch_id,"
          + " requested_by, rule_set_version, rule_set_sha256, context_json FROM lepton_decision";
  private static final String RECENT =
      COLUMNS + " WHERE model_name = ? ORDER BY decided_at DESC, id DESC LIMIT ?";

  private static final String INSERT_REVIEW =
      "INSERT INTO lepton_decision_review (id, decision_id, process_instance_id, reviewer, model_decision,"
          + " final_decision, overruled, reason, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String REVIEW_COLUMNS =
      "reviewer, model_decision, final_decision, overruled, reason, reviewed_at";
  private static final String REVIEWS =
      "SELECT "
          + REVIEW_COLUMNS
          + " FROM lepton_decision_review WHERE decision_id = ? ORDER BY reviewed_at";

  private final JdbcTemplate jdbc;
  private final AuditTrail audit;

  public DecisionLog(JdbcTemplate jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * One decision as it is logged; {@code requestedBy} is the logged-in user who asked for it,
   * {@code ruleSetVersion} and {@code ruleSetSha256} the version of the rule set that decided
   * (null: not known), {@code contextJson} the business facts the rule set read beside the record
   * (null: none).
   */
  public record Entry(
      String modelName,
      String ruleSet,
      String featuresJson,
      Score score,
      String decision,
      String rulesFired,
      String reason,
      String processInstanceId,
      String requestedBy,
      Integer ruleSetVersion,
      String ruleSetSha256,
      String contextJson) {

    public Entry(
        String modelName,
        String ruleSet,
        String featuresJson,
        Score score,
        String decision,
        String rulesFired,
        String reason,
        String processInstanceId,
        String requestedBy,
        Integer ruleSetVersion,
        String ruleSetSha256) {
      this(
          modelName,
          ruleSet,
          featuresJson,
          score,
          decision,
          rulesFired,
          reason,
          processInstanceId,
          requestedBy,
          ruleSetVersion,
          ruleSetSha256,
          null);
    }
  }

  /**
   * The decisions of one batch, in one statement batch of the caller's transaction; answers their
   * ids in order.
   */
  public List<String> recordBatch(List<Entry> entries, String batchId) {
    List<String> ids = new ArrayList<>(entries.size());
    List<Object[]> rows = new ArrayList<>(entries.size());
    Timestamp now = Timestamp.from(Instant.now());
    for (Entry entry : entries) {
      String id = TimeOrderedId.next("dc");
      ids.add(id);
      Score score = entry.score();
      rows.add(
          new Object[] {
            id,
            entry.modelName(),
            score.modelVersionId(),
            entry.ruleSet(),
            entry.featuresJson(),
            score.prediction(),
            Double.isNaN(score.probability()) ? null : score.probability(),
            Json.write(score.distribution()),
            entry.decision(),
            entry.rulesFired(),
            entry.reason(),
            null,
            now,
            Json.write(score.explanation()),
            batchId,
            entry.requestedBy(),
            entry.ruleSetVersion(),
            entry.ruleSetSha256()
          });
    }
    jdbc.batchUpdate(INSERT_IN_BATCH, rows);
    return ids;
  }

  public String record(Entry entry) {
    String id = TimeOrderedId.next("dc");
    Score score = entry.score();
    jdbc.update(
        INSERT,
        id,
        entry.modelName(),
        score.modelVersionId(),
        entry.ruleSet(),
        entry.featuresJson(),
        score.prediction(),
        Double.isNaN(score.probability()) ? null : score.probability(),
        Json.write(score.distribution()),
        entry.decision(),
        entry.rulesFired(),
        entry.reason(),
        entry.processInstanceId(),
        Timestamp.from(Instant.now()),
        Json.write(score.explanation()),
        entry.requestedBy(),
        entry.ruleSetVersion(),
        entry.ruleSetSha256(),
        entry.contextJson());
    return id;
  }

  /**
   * A live decision a challenger answered in shadow: the champion's version, prediction and
   * decision, the challenger's, and the real outcome when recorded (null until then).
   */
  public record ShadowedDecision(
      String decisionId,
      String championVersionId,
      String championPrediction,
      String championDecision,
      String challengerPrediction,
      String challengerDecision,
      String actual) {}

  private static final String SHADOWED =
      "SELECT d.id, d.model_version_id, d.prediction, d.decision, s.prediction,"
          + " s.decision, o.actual FROM lepton_shadow_decision s JOIN lepton_decision d ON d.id = s.decision_id"
          + " LEFT JOIN lepton_decision_outcome o ON o.decision_id = d.id WHERE s.challenger_version_id = ?"
          + " ORDER BY d.id";

  /** Hands on every decision the challenger answered in shadow, oldest first, one at a time. */
  public void shadowedBy(String challengerVersionId, Consumer<ShadowedDecision> each) {
    jdbc.query(
        SHADOWED,
        rs -> {
          each.accept(
              new ShadowedDecision(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7)));
        },
        challengerVersionId);
  }

  /** The challenger's answer to a logged decision's record, kept beside it and never returned. */
  public record ShadowAnswer(
      String challengerVersionId, String prediction, double probability, String decision) {}

  private static final String INSERT_SHADOW =
      "INSERT INTO lepton_shadow_decision (decision_id,"
          + " challenger_version_id, prediction, probability, decision, decided_at) VALUES (?, ?, ?, ?, ?, ?)";

  /**
   * Keeps the challenger's answers beside the decisions, ids and answers in the same order, in one
   * batch.
   */
  public void recordShadows(List<String> decisionIds, List<ShadowAnswer> answers) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> rows = new ArrayList<>(decisionIds.size());
    for (int i = 0; i < decisionIds.size(); i++) {
      ShadowAnswer answer = answers.get(i);
      rows.add(
          new Object[] {
            decisionIds.get(i),
            answer.challengerVersionId(),
            answer.prediction(),
            Double.isNaN(answer.probability()) ? null : answer.probability(),
            answer.decision(),
            now
          });
    }
    jdbc.batchUpdate(INSERT_SHADOW, rows);
  }

  /**
   * A person's decision on a case sent to them; {@code decisionId} is null when no model answered.
   */
  public record Review(
      String decisionId,
      String processInstanceId,
      String reviewer,
      String modelDecision,
      String finalDecision,
      boolean overruled,
      String reason) {}

  public void recordReview(Review review) {
    jdbc.update(
        INSERT_REVIEW,
        "rv-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
        review.decisionId(),
        review.processInstanceId(),
        review.reviewer(),
        review.modelDecision(),
        review.finalDecision(),
        review.overruled(),
        review.reason(),
        Timestamp.from(Instant.now()));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("processInstanceId", review.processInstanceId());
    payload.put("modelDecision", review.modelDecision());
    payload.put("finalDecision", review.finalDecision());
    payload.put("reason", review.reason());
    audit.append(
        review.reviewer(),
        review.overruled() ? "DECISION_OVERRIDDEN" : "DECISION_CONFIRMED",
        "decision",
        review.decisionId() == null ? "none:" + review.processInstanceId() : review.decisionId(),
        payload);
  }

  public List<LoggedDecision.Review> reviewsOf(String decisionId) {
    return jdbc.query(REVIEWS, (rs, n) -> review(rs, 0), decisionId);
  }

  /** One review from a result row whose review columns start after {@code offset} other columns. */
  private static LoggedDecision.Review review(ResultSet rs, int offset) throws SQLException {
    return new LoggedDecision.Review(
        rs.getString(offset + 1),
        rs.getString(offset + 2),
        rs.getString(offset + 3),
        rs.getBoolean(offset + 4),
        rs.getString(offset + 5),
        rs.getTimestamp(offset + 6).toInstant().toString());
  }

  /**
   * A decision's true outcome could not be recorded: the decision is unknown, or its outcome is
   * already on record.
   */
  public static class OutcomeRefused extends RuntimeException {
    private final boolean unknownDecision;

    OutcomeRefused(String message, boolean unknownDecision) {
      super(message);
      this.unknownDecision = unknownDecision;
    }

    public boolean unknownDecision() {
      return unknownDecision;
    }
  }

  /**
   * Records what really happened for a decision (the label, or the number as text), once; audited
   * as OUTCOME_RECORDED. Returns whether the model's prediction was right (for a number: whether it
   * was within 1e-9).
   */
  public boolean recordOutcome(String decisionId, String actual, String recordedBy) {
    List<String> predicted =
        jdbc.queryForList(
            "SELECT prediction FROM lepton_decision WHERE id = ?", String.class, decisionId);
    if (predicted.isEmpty()) {
      throw new OutcomeRefused("No decision has the id '" + decisionId + "'", true);
    }
    if (jdbc.queryForObject(
            "SELECT COUNT(*) FROM lepton_decision_outcome WHERE decision_id = ?",
            Integer.class,
            decisionId)
        > 0) {
      throw new OutcomeRefused(
          "The outcome of decision " + decisionId + " is already on record", false);
    }
    jdbc.update(
        "INSERT INTO lepton_decision_outcome (decision_id, actual, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?)",
        decisionId,
        actual,
        recordedBy,
        Timestamp.from(Instant.now()));
    boolean correct = matches(predicted.get(0), actual);
    audit.append(
        recordedBy,
        "OUTCOME_RECORDED",
        "decision",
        decisionId,
        Map.of(
            "actual", actual, "predicted", String.valueOf(predicted.get(0)), "correct", correct));
    return correct;
  }

  /**
   * The accuracy of a model version's most recent decisions whose outcome is known: labelled count,
   * correct count and their share (NaN with no outcome yet).
   */
  public Map<String, Object> recentAccuracy(String modelVersionId, int lastLabelled) {
    List<boolean[]> rows =
        jdbc.query(
            "SELECT d.prediction, o.actual FROM lepton_decision d JOIN"
                + " lepton_decision_outcome o ON o.decision_id = d.id WHERE d.model_version_id = ?"
                + " ORDER BY o.recorded_at DESC LIMIT ?",
            (rs, n) -> new boolean[] {matches(rs.getString(1), rs.getString(2))},
            modelVersionId,
            lastLabelled);
    long correct = rows.stream().filter(r -> r[0]).count();
    Map<String, Object> accuracy = new LinkedHashMap<>();
    accuracy.put("labelled", rows.size());
    accuracy.put("correct", correct);
    accuracy.put("accuracy", rows.isEmpty() ? Double.NaN : (double) correct / rows.size());
    return accuracy;
  }

  private static boolean matches(String predicted, String actual) {
    if (predicted == null || actual == null) {
      return false;
    }
    if (predicted.equals(actual)) {
      return true;
    }
    try {
      return Math.abs(Double.parseDouble(predicted) - Double.parseDouble(actual)) < 1e-9;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** How many decisions a model version took, by decision. */
  public Map<String, Long> countsFor(String modelVersionId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        "SELECT decision, COUNT(*) FROM lepton_decision WHERE model_version_id = ? GROUP BY decision"
            + " ORDER BY decision",
        rs -> {
          counts.put(rs.getString(1) == null ? "(none)" : rs.getString(1), rs.getLong(2));
        },
        modelVersionId);
    return counts;
  }

  /**
   * The newest decisions taken with a rule set, by any model, newest first, at most {@code limit}.
   */
  public List<LoggedDecision> recentWithRuleSet(String ruleSet, int limit) {
    return jdbc.query(
        COLUMNS + " WHERE rule_set = ? ORDER BY decided_at DESC, id DESC LIMIT ?",
        DecisionLog::logged,
        ruleSet,
        limit);
  }

  /**
   * The rule set versions that decided a model version's decisions: rule set, version, SHA-256, how
   * many.
   */
  public List<Map<String, Object>> ruleSetVersionsOf(String modelVersionId) {
    return jdbc.query(
        "SELECT rule_set, rule_set_version, rule_set_sha256, COUNT(*), MIN(decided_at),"
            + " MAX(decided_at) FROM lepton_decision WHERE model_version_id = ? GROUP BY rule_set, rule_set_version,"
            + " rule_set_sha256 ORDER BY rule_set, MIN(decided_at)",
        (rs, n) -> {
          Map<String, Object> used = new LinkedHashMap<>();
          used.put("ruleSet", rs.getString(1));
          used.put(
              "version", rs.getObject(2) == null ? null : ((Number) rs.getObject(2)).intValue());
          used.put("sha256", rs.getString(3));
          used.put("decisions", rs.getLong(4));
          used.put("first", rs.getTimestamp(5).toInstant().toString());
          used.put("last", rs.getTimestamp(6).toInstant().toString());
          return used;
        },
        modelVersionId);
  }

  /** One logged decision (without its reviews), if the log has it. */
  public java.util.Optional<LoggedDecision> find(String decisionId) {
    return jdbc.query(COLUMNS + " WHERE id = ?", DecisionLog::logged, decisionId).stream()
        .findFirst();
  }

  /** The decisions of a model taken in a period, oldest first, at most {@code limit}. */
  public List<LoggedDecision> between(String modelName, Instant from, Instant to, int limit) {
    return jdbc.query(
        COLUMNS
            + " WHERE model_name = ? AND decided_at >= ? AND decided_at < ?"
            + " ORDER BY decided_at, id LIMIT ?",
        DecisionLog::logged,
        modelName,
        Timestamp.from(from),
        Timestamp.from(to),
        limit);
  }

  private static LoggedDecision logged(ResultSet rs, int row) throws SQLException {
    return new LoggedDecision(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Json.readMap(rs.getString(5)),
        rs.getString(6),
        rs.getObject(7) == null ? null : ((Number) rs.getObject(7)).doubleValue(),
        Json.readMap(rs.getString(8)),
        rs.getString(9),
        rs.getString(10) == null ? List.of() : List.of(rs.getString(10).split("\n")),
        rs.getString(11),
        rs.getString(12),
        rs.getTimestamp(13).toInstant().toString(),
        rs.getString(14) == null ? List.of() : Json.readList(rs.getString(14)),
        rs.getString(15),
        rs.getString(16),
        rs.getObject(17) == null ? null : ((Number) rs.getObject(17)).intValue(),
        rs.getString(18),
        rs.getString(19) == null ? Map.of() : Json.readMap(rs.getString(19)),
        List.of());
  }

  /** The newest decisions of a model, newest first, each with its reviews. */
  public List<LoggedDecision> recent(String modelName, int limit) {
    List<LoggedDecision> decisions = jdbc.query(RECENT, DecisionLog::logged, modelName, limit);
    Map<String, List<LoggedDecision.Review>> reviews = new HashMap<>();
    jdbc.query(
        "SELECT decision_id, "
            + REVIEW_COLUMNS
            + " FROM lepton_decision_review WHERE decision_id IN"
            + " (SELECT id FROM lepton_decision WHERE model_name = ? ORDER BY decided_at DESC, id DESC LIMIT ?)"
            + " ORDER BY reviewed_at",
        rs -> {
          reviews.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(review(rs, 1));
        },
        modelName,
        limit);
    return decisions.stream()
        .map(d -> d.withReviews(reviews.getOrDefault(d.decisionId(), List.of())))
        .toList();
  }

  /**
   * The features of a version's decisions since an instant, at most the newest {@code most}, each
   * handed to {@code each} as logged, unsorted; returns how many. Streamed row by row: H2 would
   * otherwise buffer a result of 100,000 rows in a temporary file first (lazy execution, for this
   * query only), PostgreSQL would send it all at once (fetch size). The monitoring check reads the
   * decisions it compares with the training data here.
   */
  public int featuresSince(String modelVersionId, Instant since, int most, Consumer<String> each) {
    Timestamp from = Timestamp.from(since);
    Integer logged =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM lepton_decision WHERE model_version_id = ?"
                + " AND decided_at >= ?",
            Integer.class,
            modelVersionId,
            from);
    if (logged != null && logged > most) {
      // only the newest: found by their time, so that the rows themselves are read unsorted
      from =
          jdbc.queryForObject(
              "SELECT decided_at FROM lepton_decision WHERE model_version_id = ?"
                  + " AND decided_at >= ? ORDER BY decided_at DESC LIMIT 1 OFFSET ?",
              Timestamp.class,
              modelVersionId,
              from,
              most - 1);
    }
    Timestamp newest = from;
    return jdbc.execute(
        (ConnectionCallback<Integer>)
            connection -> {
              boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
              if (h2) {
                try (Statement lazy = connection.createStatement()) {
                  lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
              }
              try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT features_json FROM lepton_decision"
                          + " WHERE model_version_id = ? AND decided_at >= ?")) {
                query.setFetchSize(1000);
                query.setString(1, modelVersionId);
                query.setTimestamp(2, newest);
                int rows = 0;
                try (ResultSet result = query.executeQuery()) {
                  while (result.next()) {
                    each.accept(result.getString(1));
                    rows++;
                  }
                }
                return rows;
              } finally {
                if (h2) {
                  try (Statement eager = connection.createStatement()) {
                    eager.execute("SET LAZY_QUERY_EXECUTION FALSE");
                  }
                }
              }
            });
  }

  /** A decision's features with the true outcome recorded for it. */
  public record LabelledFeatures(Map<String, Object> features, String actual) {}

  /**
   * The decisions of a version since an instant whose true outcome is known, oldest first
   * (retraining rows).
   */
  public List<LabelledFeatures> labelledSince(String modelVersionId, Instant since) {
    return jdbc.query(
        "SELECT d.features_json, o.actual FROM lepton_decision d JOIN lepton_decision_outcome o"
            + " ON o.decision_id = d.id WHERE d.model_version_id = ? AND d.decided_at >= ? ORDER BY d.decided_at, d.id",
        (rs, n) -> new LabelledFeatures(Json.readMap(rs.getString(1)), rs.getString(2)),
        modelVersionId,
        Timestamp.from(since));
  }
}
