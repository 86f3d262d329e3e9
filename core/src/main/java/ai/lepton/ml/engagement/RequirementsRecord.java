package ai.lepton.ml.engagement;

import ai.lepton.ml.audit.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Engagements' requirements, frozen in Lepton's table when a person sets them (audited as
 * REQUIREMENTS_SET) and read from there by every later step: changing a process variable afterwards
 * changes nothing. {@link #variables} are the recorded values as the process variables that the
 * rule sets read; the process puts them back at the steps that run them (the BPMN's bean {@code
 * requirementsRecord} is that adapter, in ml-delegates).
 */
@Component("recordedRequirements")
public class RequirementsRecord {

  private static final String INSERT =
      "INSERT INTO lepton_requirements (engagement_key, revision,"
          + " process_instance_id, target_attribute, problem_type, model_name, success_metric, success_threshold,"
          + " algorithms, folds, seed, pii_columns, sql_source, sql_query, expected_schema, set_by, task_id, recorded_at,"
          + " rule_sets, time_attribute, forecast_horizon, overlays, skip_periods, protected_attributes,"
          + " favourable_label, fairness_floor, text_attributes, text_options, also_forecast)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT =
      "SELECT engagement_key, revision, process_instance_id, target_attribute,"
          + " problem_type, model_name, success_metric, success_threshold, algorithms, folds, seed, pii_columns,"
          + " sql_source, sql_query, expected_schema, set_by, task_id, recorded_at, rule_sets, time_attribute,"
          + " forecast_horizon, overlays, skip_periods, protected_attributes, favourable_label, fairness_floor,"
          + " text_attributes, text_options, also_forecast FROM lepton_requirements";

  private final JdbcTemplate jdbc;
  private final AuditTrail audit;

  public RequirementsRecord(JdbcTemplate jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * Records a new revision (the next number for this engagement), in the caller's transaction, and
   * audits it.
   */
  public Requirements record(Requirements requirements) {
    int revision = latest(requirements.engagementKey()).map(r -> r.revision() + 1).orElse(1);
    Requirements recorded =
        new Requirements(
            requirements.engagementKey(),
            revision,
            requirements.processInstanceId(),
            requirements.targetAttribute(),
            requirements.problemType(),
            requirements.modelName(),
            requirements.successMetric(),
            requirements.successThreshold(),
            requirements.algorithms(),
            requirements.folds(),
            requirements.seed(),
            requirements.piiColumns(),
            requirements.sqlSource(),
            requirements.sqlQuery(),
            requirements.expectedSchema(),
            requirements.setBy(),
            requirements.taskId(),
            requirements.recordedAt(),
            requirements.ruleSets(),
            requirements.forecast(),
            requirements.fairness(),
            requirements.textSettings());
    jdbc.update(
        INSERT,
        recorded.engagementKey(),
        recorded.revision(),
        recorded.processInstanceId(),
        recorded.targetAttribute(),
        recorded.problemType(),
        recorded.modelName(),
        recorded.successMetric(),
        recorded.successThreshold(),
        recorded.algorithms(),
        recorded.folds(),
        recorded.seed(),
        recorded.piiColumns(),
        recorded.sqlSource(),
        recorded.sqlQuery(),
        recorded.expectedSchema(),
        recorded.setBy(),
        recorded.taskId(),
        Timestamp.from(recorded.recordedAt()),
        recorded.ruleSets(),
        recorded.forecasting() ? recorded.forecast().timeAttribute() : null,
        recorded.forecasting() ? recorded.forecast().horizon() : null,
        recorded.forecasting() ? recorded.forecast().overlays() : null,
        recorded.forecasting() ? recorded.forecast().skipPeriods() : null,
        recorded.fairness() == null ? null : recorded.fairness().protectedAttributes(),
        recorded.fairness() == null ? null : recorded.fairness().favourableLabel(),
        recorded.fairness() == null ? null : recorded.fairness().floor(),
        recorded.text().attributes(),
        recorded.text().options(),
        recorded.forecasting() ? recorded.forecast().alsoForecast() : null);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("revision", recorded.revision());
    payload.put("targetAttribute", recorded.targetAttribute());
    payload.put("problemType", recorded.problemType());
    payload.put("modelName", recorded.modelName());
    payload.put("successMetric", recorded.successMetric());
    payload.put("successThreshold", recorded.successThreshold());
    payload.put("algorithms", recorded.algorithms().lines().toList());
    payload.put("folds", recorded.folds());
    payload.put("seed", recorded.seed());
    payload.put("piiColumns", recorded.piiColumns());
    payload.put("sqlSource", recorded.sqlSource());
    payload.put("sqlQuery", recorded.sqlQuery());
    payload.put("expectedSchema", recorded.expectedSchema());
    payload.put("ruleSets", recorded.ruleSetNames());
    if (recorded.forecasting()) {
      payload.put("timeAttribute", recorded.forecast().timeAttribute());
      payload.put("horizon", recorded.forecast().horizon());
      payload.put("overlays", recorded.forecast().overlayNames());
      payload.put("skipPeriods", recorded.forecast().skipPeriods());
      payload.put("alsoForecast", recorded.forecast().alsoForecastNames());
    }
    if (recorded.fairness() != null) {
      payload.put(
          "protectedAttributes",
          recorded
              .fairness()
              .protectedAttributes()
              .lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty())
              .toList());
      payload.put("favourableLabel", recorded.fairness().favourableLabel());
      payload.put("fairnessFloor", recorded.fairness().floor());
    }
    payload.put("textAttributes", recorded.text().attributeNames());
    payload.put("textOptions", recorded.text().options());
    payload.put("taskId", recorded.taskId());
    audit.append(
        recorded.setBy(), "REQUIREMENTS_SET", "engagement", recorded.engagementKey(), payload);
    return recorded;
  }

  public Optional<Requirements> latest(String engagementKey) {
    return jdbc
        .query(
            SELECT + " WHERE engagement_key = ? ORDER BY revision DESC", this::map, engagementKey)
        .stream()
        .findFirst();
  }

  /**
   * The recorded requirements of an engagement (its business key); a step before them is a defect.
   */
  public Requirements of(String engagementKey) {
    return latest(engagementKey)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Engagement "
                        + engagementKey
                        + " has no recorded requirements: they are recorded when Analyse requirements completes"));
  }

  /** Everyone who set this engagement's requirements, in any revision. */
  public List<String> setters(String engagementKey) {
    return jdbc.queryForList(
        "SELECT DISTINCT set_by FROM lepton_requirements WHERE engagement_key = ?"
            + " AND set_by IS NOT NULL",
        String.class,
        engagementKey);
  }

  /**
   * The algorithms to train now (the multi-instance collection of Train candidate), one Weka
   * command a line.
   */
  public List<String> algorithms(String engagementKey) {
    return of(engagementKey).algorithms().lines().filter(line -> !line.isBlank()).toList();
  }

  /**
   * The recorded requirements as the variables that the rule sets and forms read (name → value, in
   * the order they are set), so a step never acts on a variable someone changed since.
   */
  public Map<String, Object> variables(String engagementKey) {
    Requirements requirements = of(engagementKey);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("targetAttribute", requirements.targetAttribute());
    variables.put("problemType", requirements.problemType());
    variables.put("modelName", requirements.modelName());
    variables.put("successMetric", requirements.successMetric());
    variables.put("successThreshold", requirements.successThreshold());
    variables.put("algorithms", requirements.algorithms());
    variables.put("folds", requirements.folds());
    variables.put("seed", requirements.seed());
    variables.put("piiColumns", requirements.piiColumns());
    variables.put("ruleSets", String.join(",", requirements.ruleSetNames()));
    variables.put(
        "fairnessFloor", requirements.fairness() == null ? null : requirements.fairness().floor());
    return variables;
  }

  private Requirements map(ResultSet rs, int row) throws SQLException {
    return new Requirements(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getDouble(8),
        rs.getString(9),
        rs.getInt(10),
        rs.getInt(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        rs.getString(17),
        rs.getTimestamp(18).toInstant(),
        rs.getString(19),
        rs.getString(20) == null
            ? null
            : new Requirements.ForecastSettings(
                rs.getString(20),
                rs.getInt(21),
                rs.getString(22),
                rs.getString(23),
                rs.getString(29)),
        rs.getString(24) == null
            ? null
            : new Requirements.Fairness(rs.getString(24), rs.getString(25), rs.getDouble(26)),
        rs.getString(28) == null
            ? null
            : new Requirements.TextSettings(rs.getString(27), rs.getString(28)));
  }
}
