package ai.lepton.ml.monitoring;

import ai.lepton.ml.Json;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.RowValues;
import ai.lepton.ml.forecasting.ForecastAccuracy;
import ai.lepton.ml.forecasting.SeriesFigures;
import ai.lepton.ml.registry.ModelFileReader;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.scoring.ScoringException;
import ai.lepton.ml.training.CandidateMetrics;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import weka.classifiers.Classifier;
import weka.classifiers.timeseries.WekaForecaster;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * One monitoring check of a model version: its recent inputs — the decisions it took since it went
 * live (the newest {@code lepton.monitoring.max-decisions}) and the monitoring datasets its
 * engagement received since then — against the data it was trained on (PSI and KS per attribute,
 * counted in the bands {@code lepton.monitoring.psi-moderate} and {@code psi-significant}; drift is
 * judged only on {@code lepton.monitoring.min-rows} rows or more, as PSI on a few dozen rows is
 * mostly noise); and its accuracy on what is known of the truth — the outcomes recorded for its
 * decisions and the labelled rows of monitoring datasets, which it scores — against the accuracy it
 * was approved on. Each check is stored, audited (MONITORING_CHECK) and returned in the shape the
 * {@code maintenance} rules read ({@code monitoringResult}).
 */
@Component
public class MonitoringService {

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final DecisionLog decisions;
  private final MonitoringDataInbox inbox;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final double moderate;
  private final double significant;
  private final int maxDecisions;
  private final int minRows;

  public MonitoringService(
      ModelRegistry registry,
      DatasetStore datasets,
      DecisionLog decisions,
      MonitoringDataInbox inbox,
      AuditTrail audit,
      JdbcTemplate jdbc,
      @Value("${lepton.monitoring.psi-moderate:0.1}") double moderate,
      @Value("${lepton.monitoring.psi-significant:0.25}") double significant,
      @Value("${lepton.monitoring.max-decisions:100000}") int maxDecisions,
      @Value("${lepton.monitoring.min-rows:200}") int minRows) {
    this.registry = registry;
    this.datasets = datasets;
    this.decisions = decisions;
    this.inbox = inbox;
    this.audit = audit;
    this.jdbc = jdbc;
    this.moderate = moderate;
    this.significant = significant;
    this.maxDecisions = maxDecisions;
    this.minRows = minRows;
  }

  /**
   * The maintenance check: decisions since deployment and the engagement's monitoring data since
   * then.
   */
  public Map<String, Object> check(String modelVersionId, String engagementKey, String actor) {
    ModelVersion version = registry.get(modelVersionId);
    Instant since = registry.deployedSince(modelVersionId).orElse(version.createdAt());
    Instances training = datasets.load(version.datasetId());
    RecentInputs recent = new RecentInputs(training, notCompared(version));
    int fromDecisions =
        decisions.featuresSince(modelVersionId, since, maxDecisions, recent::addRecord);
    List<String> monitoringData =
        engagementKey == null ? List.of() : inbox.since(engagementKey, since);
    List<Instances> received = new ArrayList<>();
    for (String datasetId : monitoringData) {
      Instances data = datasets.load(datasetId);
      recent.addDataset(data);
      received.add(data);
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("since", since.toString());
    source.put("decisions", fromDecisions);
    source.put("monitoringDatasets", monitoringData);
    return run(
        version,
        engagementKey == null ? version.engagementKey() : engagementKey,
        training,
        recent,
        received,
        source,
        actor);
  }

  /** A check against one stored dataset of recent inputs (run on request). */
  public Map<String, Object> checkDataset(String modelVersionId, String datasetId, String actor) {
    return check(
        modelVersionId,
        datasets.load(datasetId),
        List.of(datasetId),
        "dataset " + datasetId,
        actor);
  }

  /**
   * A check against rows at hand (labelled rows are scored for accuracy), described by {@code
   * description}.
   */
  public Map<String, Object> check(
      String modelVersionId,
      Instances rows,
      List<String> datasetIds,
      String description,
      String actor) {
    ModelVersion version = registry.get(modelVersionId);
    Instances training = datasets.load(version.datasetId());
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("description", description);
    source.put("decisions", 0);
    source.put("monitoringDatasets", datasetIds);
    return run(
        version,
        version.engagementKey(),
        training,
        RecentInputs.of(training, rows, notCompared(version)),
        List.of(rows),
        source,
        actor);
  }

  /**
   * The target, and a forecaster's time attribute and other series: new periods have new dates,
   * which is no drift, and a series' error is checked against its actuals instead.
   */
  private static List<String> notCompared(ModelVersion version) {
    CandidateMetrics metrics = CandidateMetrics.of(version.metrics());
    if (metrics.forecast() != null && metrics.forecast().timeAttribute() != null) {
      List<String> names = new java.util.ArrayList<>();
      SeriesFigures.of(metrics, version.targetAttribute())
          .forEach(figures -> names.add(String.valueOf(figures.target())));
      names.add(metrics.forecast().timeAttribute());
      return names;
    }
    return List.of(version.targetAttribute());
  }

  /** A forecaster's error on the periods whose actuals have come in, beside its approved error. */
  private Map<String, Object> forecastAccuracy(ModelVersion version, List<Instances> received) {
    List<Object> modelAndHistory =
        ModelFileReader.read(version.id(), registry.modelFile(version.id()), version.modelSha256());
    if (!(modelAndHistory.get(0) instanceof WekaForecaster forecaster)) {
      return Map.of();
    }
    try {
      return ForecastAccuracy.check(
          forecaster,
          (Instances) modelAndHistory.get(1),
          SeriesFigures.approvedMae(
              CandidateMetrics.of(version.metrics()), version.targetAttribute()),
          received);
    } catch (Exception e) {
      throw new IllegalStateException(
          "The forecaster of "
              + version.id()
              + " could not forecast the periods to"
              + " check: "
              + e.getMessage(),
          e);
    }
  }

  private Map<String, Object> run(
      ModelVersion version,
      String engagementKey,
      Instances training,
      RecentInputs recent,
      List<Instances> received,
      Map<String, Object> source,
      String actor) {
    List<DriftCalculator.AttributeDrift> drift = DriftCalculator.compare(training, recent);
    DriftCalculator.AttributeDrift most =
        drift.stream()
            .filter(d -> !Double.isNaN(d.psi()))
            .max(Comparator.comparingDouble(DriftCalculator.AttributeDrift::psi))
            .orElse(null);
    Map<String, Object> outcomes = decisions.recentAccuracy(version.id(), 1000);
    long[] rows = labelledRows(version, received);
    long labelled = ((Number) outcomes.get("labelled")).longValue() + rows[0];
    long correct = ((Number) outcomes.get("correct")).longValue() + rows[1];
    double baseline = version.metric("pctCorrect") / 100;

    Map<String, Object> result = new LinkedHashMap<>();
    String id = "mc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Instant now = Instant.now();
    result.put("checkId", id);
    result.put("modelVersionId", version.id());
    result.put("modelName", version.modelName());
    result.put("engagement", engagementKey);
    result.put("checkedAt", now.toString());
    result.put("source", source);
    result.put("recentRows", recent.records());
    result.put("psiBands", Map.of("moderate", moderate, "significant", significant));
    boolean judged = recent.records() >= minRows;
    result.put("driftJudged", judged);
    result.put("minimumRows", minRows);
    result.put(
        "significantDrift", judged ? drift.stream().filter(d -> d.psi() > significant).count() : 0);
    result.put(
        "moderateDrift",
        judged
            ? drift.stream().filter(d -> d.psi() >= moderate && d.psi() <= significant).count()
            : 0);
    result.put("mostDrifted", most == null ? null : most.attribute());
    result.put("maxPsi", most == null ? null : most.psi());
    result.put("recentAccuracy", labelled == 0 ? null : (double) correct / labelled);
    result.put("labelledOutcomes", labelled);
    result.put("outcomesFromDecisions", outcomes.get("labelled"));
    result.put("labelledMonitoringRows", rows[0]);
    result.put("unscorableMonitoringRows", rows[2]);
    result.put("baselineAccuracy", Double.isNaN(baseline) ? null : baseline);
    result.put("previousVersion", registry.previouslyDeployed(version.id()).isPresent());
    result.putAll(forecastAccuracy(version, received));
    result.put("attributes", drift.stream().map(DriftCalculator.AttributeDrift::asMap).toList());
    jdbc.update(
        "INSERT INTO lepton_monitoring_check (id, model_version_id, checked_at, source, result_json)"
            + " VALUES (?, ?, ?, ?, ?)",
        id,
        version.id(),
        Timestamp.from(now),
        fitted(Json.write(source)),
        Json.write(result));
    audit.append(actor, "MONITORING_CHECK", "model", version.id(), summary(result));
    return result;
  }

  /** The check without its per-attribute table: what the process and the audit trail keep. */
  public static Map<String, Object> summary(Map<String, Object> result) {
    Map<String, Object> summary = new LinkedHashMap<>(result);
    summary.remove("attributes");
    return summary;
  }

  /**
   * Scores the rows of monitoring datasets that carry the target with the checked version:
   * {labelled, correct, unscorable} (a row with a label or value the model never saw cannot be
   * scored).
   */
  private long[] labelledRows(ModelVersion version, List<Instances> received) {
    long[] counts = new long[3];
    if (received.stream().noneMatch(d -> d.attribute(version.targetAttribute()) != null)) {
      return counts;
    }
    List<Object> modelAndHeader =
        ModelFileReader.read(version.id(), registry.modelFile(version.id()), version.modelSha256());
    if (!(modelAndHeader.get(0) instanceof Classifier classifier)) {
      return counts; // a forecaster: its error is checked against actuals by period, not row by row
    }
    Instances header = (Instances) modelAndHeader.get(1);
    boolean numericTarget = header.classAttribute().isNumeric();
    for (Instances data : received) {
      weka.core.Attribute target = data.attribute(version.targetAttribute());
      if (target == null) {
        continue;
      }
      for (int r = 0; r < data.numInstances(); r++) {
        Instance row = data.instance(r);
        if (row.isMissing(target)) {
          continue;
        }
        try {
          Instance instance =
              RecordScorer.toInstance(header, RowValues.of(data, row), new ArrayList<>());
          double[] distribution = classifier.distributionForInstance(instance);
          boolean right =
              numericTarget
                  ? Math.abs(distribution[0] - row.value(target)) < 1e-9
                  : header
                      .classAttribute()
                      .value(Utils.maxIndex(distribution))
                      .equals(row.stringValue(target));
          counts[0]++;
          counts[1] += right ? 1 : 0;
        } catch (ScoringException unknownLabel) {
          counts[2]++;
        } catch (Exception e) {
          throw new IllegalStateException(
              "Model version "
                  + version.id()
                  + " failed to score a monitoring row: "
                  + e.getMessage(),
              e);
        }
      }
    }
    return counts;
  }

  private static String fitted(String text) {
    return text.length() <= 255 ? text : text.substring(0, 252) + "...";
  }

  /** Every check of a model version, newest first. */
  public List<Map<String, Object>> checksOf(String modelVersionId) {
    registry.get(modelVersionId);
    return jdbc.query(
        "SELECT result_json FROM lepton_monitoring_check WHERE model_version_id = ?"
            + " ORDER BY checked_at DESC",
        (rs, n) -> Json.readMap(rs.getString(1)),
        modelVersionId);
  }
}
