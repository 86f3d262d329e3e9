package ai.lepton.ml.monitoring;

import ai.lepton.ml.Json;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.DecisionLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import weka.core.Instances;

/**
 * One monitoring check of a model version: recent inputs against the data it was trained on (PSI and KS per
 * attribute, counted in the bands {@code lepton.monitoring.psi-moderate} and {@code psi-significant}), and the
 * accuracy of its recent decisions whose outcome is known against the accuracy it was approved on. Each check is
 * stored, audited (MONITORING_CHECK) and returned in the shape the {@code maintenance} rules read
 * ({@code monitoringResult}).
 */
@Component
public class MonitoringService {

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final DecisionLog decisions;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final double moderate;
  private final double significant;

  public MonitoringService(ModelRegistry registry, DatasetStore datasets, DecisionLog decisions, AuditTrail audit,
      JdbcTemplate jdbc, @Value("${lepton.monitoring.psi-moderate:0.1}") double moderate,
      @Value("${lepton.monitoring.psi-significant:0.25}") double significant) {
    this.registry = registry;
    this.datasets = datasets;
    this.decisions = decisions;
    this.audit = audit;
    this.jdbc = jdbc;
    this.moderate = moderate;
    this.significant = significant;
  }

  /** @param source what the recent data is (e.g. a dataset id), kept with the check */
  public Map<String, Object> check(String modelVersionId, Instances recent, String source, String actor) {
    ModelVersion version = registry.get(modelVersionId);
    Instances training = datasets.load(version.datasetId());
    List<DriftCalculator.AttributeDrift> drift =
        DriftCalculator.compare(training, recent, List.of(version.targetAttribute()));
    DriftCalculator.AttributeDrift most = drift.stream().filter(d -> !Double.isNaN(d.psi()))
        .max(Comparator.comparingDouble(DriftCalculator.AttributeDrift::psi)).orElse(null);
    Map<String, Object> accuracy = decisions.recentAccuracy(modelVersionId, 1000);
    double baseline = version.metric("pctCorrect") / 100;

    Map<String, Object> result = new LinkedHashMap<>();
    String id = "mc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Instant now = Instant.now();
    result.put("checkId", id);
    result.put("modelVersionId", modelVersionId);
    result.put("checkedAt", now.toString());
    result.put("source", source);
    result.put("recentRows", recent.numInstances());
    result.put("psiBands", Map.of("moderate", moderate, "significant", significant));
    result.put("significantDrift", drift.stream().filter(d -> d.psi() > significant).count());
    result.put("moderateDrift", drift.stream().filter(d -> d.psi() >= moderate && d.psi() <= significant).count());
    result.put("mostDrifted", most == null ? null : most.attribute());
    result.put("maxPsi", most == null ? null : most.psi());
    result.put("recentAccuracy", accuracy.get("accuracy"));
    result.put("labelledOutcomes", accuracy.get("labelled"));
    result.put("baselineAccuracy", Double.isNaN(baseline) ? null : baseline);
    result.put("previousVersion", hasEarlierDeployment(version));
    result.put("attributes", drift.stream().map(DriftCalculator.AttributeDrift::asMap).toList());
    jdbc.update("INSERT INTO lepton_monitoring_check (id, model_version_id, checked_at, source, result_json)"
        + " VALUES (?, ?, ?, ?, ?)", id, modelVersionId, Timestamp.from(now), source, Json.write(result));
    Map<String, Object> summary = new LinkedHashMap<>(result);
    summary.remove("attributes");
    audit.append(actor, "MONITORING_CHECK", "model", modelVersionId, summary);
    return result;
  }

  /** Every check of a model version, newest first. */
  public List<Map<String, Object>> checksOf(String modelVersionId) {
    registry.get(modelVersionId);
    return jdbc.query("SELECT result_json FROM lepton_monitoring_check WHERE model_version_id = ?"
        + " ORDER BY checked_at DESC", (rs, n) -> Json.readMap(rs.getString(1)), modelVersionId);
  }

  private boolean hasEarlierDeployment(ModelVersion version) {
    return registry.findAll().stream()
        .filter(other -> other.modelName().equals(version.modelName()) && !other.id().equals(version.id()))
        .filter(other -> other.createdAt().isBefore(version.createdAt()))
        .anyMatch(other -> registry.statusHistory(other.id()).stream()
            .anyMatch(change -> change.status() == ModelStatus.DEPLOYED));
  }
}
