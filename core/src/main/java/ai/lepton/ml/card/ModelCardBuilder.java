package ai.lepton.ml.card;

import ai.lepton.ml.Json;
import ai.lepton.ml.dataset.DatasetProfile;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.forecasting.SeriesFigures;
import ai.lepton.ml.monitoring.ChallengerComparison;
import ai.lepton.ml.monitoring.MonitoringCheck;
import ai.lepton.ml.monitoring.MonitoringService;
import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ChallengerDecision;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.registry.StatusChange;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.training.CandidateMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A model card: everything an auditor asks about one model version, gathered from the registry, the
 * dataset store, the engagement's requirements (its process variables), the approvals, the status
 * history and the decision log. Sections follow the EU AI Act's Annex IV: intended use, data,
 * training, validation, approval, deployment, use, and for a version that was on trial as a
 * challenger, its trial against the champion.
 */
@Component
public class ModelCardBuilder {

  private static final List<String> REQUIREMENTS =
      List.of(
          "client",
          "engagementName",
          "intendedUse",
          "targetAttribute",
          "problemType",
          "successMetric",
          "successThreshold",
          "qualityVerdict",
          "qualityFindings");

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final DecisionLog decisions;
  private final EngagementHistory history;
  private final MonitoringService monitoring;
  private final ChallengerComparison challengers;

  public ModelCardBuilder(
      ModelRegistry registry,
      DatasetStore datasets,
      DecisionLog decisions,
      EngagementHistory history,
      MonitoringService monitoring,
      ChallengerComparison challengers) {
    this.challengers = challengers;
    this.registry = registry;
    this.datasets = datasets;
    this.decisions = decisions;
    this.history = history;
    this.monitoring = monitoring;
  }

  public ModelCard build(String modelVersionId) {
    ModelVersion version = registry.get(modelVersionId);
    Map<String, Object> requirements = requirements(version);

    ModelCard.Model model =
        new ModelCard.Model(
            version.id(),
            version.modelName(),
            registry.currentStatus(version.id()).name(),
            version.engagementKey(),
            version.createdAt().toString(),
            version.modelSha256(),
            version.wekaVersion());

    ModelCard.IntendedUse use =
        new ModelCard.IntendedUse(
            text(requirements.get("client")),
            text(requirements.get("engagementName")),
            text(requirements.get("intendedUse")),
            version.targetAttribute(),
            version.problemType(),
            requirements.get("successMetric")
                + " threshold "
                + requirements.get("successThreshold"));

    CandidateMetrics figures = validation(version.metrics(), version.targetAttribute());
    ModelCard.Training training =
        new ModelCard.Training(
            version.algorithm(),
            version.options(),
            version.wekaCommand(),
            version.seed(),
            version.folds(),
            foldsBuilt(figures.folds()),
            version.trainingRound(),
            version.trainingMillis());

    List<ModelCard.CardApproval> approvals = new ArrayList<>();
    for (Approval approval : registry.approvalsOf(version.id())) {
      Map<String, Object> evidence = approval.evidence();
      approvals.add(
          new ModelCard.CardApproval(
              approval.approved(),
              approval.approver(),
              approval.reason(),
              approval.decidedAt().toString(),
              text(evidence.get("modelSha256")),
              text(evidence.get("policyVerdict")),
              lines(evidence.get("policyBlockers")),
              lines(evidence.get("policyWarnings")),
              text(evidence.get("overrideReason"))));
    }

    List<StatusChange> changes = registry.statusHistory(version.id());
    List<ModelCard.StatusEntry> statusHistory = new ArrayList<>();
    for (StatusChange change : changes) {
      statusHistory.add(
          new ModelCard.StatusEntry(
              change.status().name(),
              change.changedBy(),
              change.changedAt().toString(),
              change.reason()));
    }

    Map<String, Long> counts = decisions.countsFor(version.id());
    // which rules decided with this model, version by version: "which rules and model declined this
    // applicant"
    ModelCard.Usage usage =
        new ModelCard.Usage(
            counts.values().stream().mapToLong(Long::longValue).sum(),
            counts,
            decisions.ruleSetVersionsOf(version.id()));

    List<Map<String, Object>> all = monitoring.checksOf(version.id());
    List<MonitoringCheck> checks =
        all.stream().map(MonitoringService::summary).map(MonitoringCheck::of).toList();
    List<MonitoringCheck.AttributeDrift> latest =
        all.isEmpty() ? null : MonitoringCheck.of(all.get(0)).attributes();
    ModelCard.Monitoring monitored =
        new ModelCard.Monitoring(
            checks,
            checks.isEmpty()
                ? "no monitoring check has run for this version yet"
                : checks.size() + " monitoring check(s), the latest " + checks.get(0).checkedAt(),
            latest == null ? List.of() : latest);

    return new ModelCard(
        model,
        use,
        data(version, requirements),
        training,
        figures,
        approvals,
        statusHistory,
        usage,
        monitored,
        trial(version.id(), changes),
        AnnexIv.forCard());
  }

  /**
   * For a version that went on trial as a challenger: the comparison with the champion on the live
   * decisions it answered in shadow (as it stands now) and the model risk officers' decisions on
   * the trial; null for any other.
   */
  private ModelCard.ChallengerTrial trial(String versionId, List<StatusChange> changes) {
    if (changes.stream().noneMatch(c -> c.status() == ModelStatus.CHALLENGER)) {
      return null;
    }
    List<ModelCard.TrialDecision> decided = new ArrayList<>();
    for (ChallengerDecision decision : registry.challengerDecisionsOf(versionId)) {
      decided.add(
          new ModelCard.TrialDecision(
              decision.promoted(),
              decision.officer(),
              decision.reason(),
              decision.decidedAt().toString(),
              decision.taskId(),
              decision.evidence()));
    }
    return new ModelCard.ChallengerTrial(challengers.of(versionId), decided);
  }

  private ModelCard.Data data(ModelVersion version, Map<String, Object> requirements) {
    StoredDataset prepared = datasets.find(version.datasetId()).orElse(null);
    ModelCard.SourceDataset source = null;
    DatasetProfile profile = null;
    if (prepared != null && prepared.derivedFrom() != null) {
      StoredDataset raw = datasets.find(prepared.derivedFrom()).orElse(null);
      if (raw != null) {
        source =
            new ModelCard.SourceDataset(
                raw.id(), raw.name(), raw.sha256(), raw.rows(), raw.attributes());
        profile = datasets.latestProfile(raw.id()).map(ModelCardBuilder::summary).orElse(null);
      }
    }
    Object findings = requirements.get("qualityFindings");
    return new ModelCard.Data(
        version.datasetId(),
        version.datasetSha256(),
        prepared == null ? null : prepared.rows(),
        prepared == null ? null : prepared.attributes(),
        prepared == null ? null : prepared.preparation(),
        source,
        profile,
        text(requirements.get("qualityVerdict")),
        findings == null ? List.of() : findings.toString().lines().toList());
  }

  /**
   * The profile's summary for the card: rows, attributes, rows with missing values, class balance
   * and majority share (the per-attribute figures, duplicates and leakage stay on the dataset's own
   * profile).
   */
  private static DatasetProfile summary(Map<String, Object> stored) {
    DatasetProfile profile = DatasetProfile.of(stored);
    return new DatasetProfile(
        profile.rows(),
        profile.attributeCount(),
        null,
        profile.rowsWithMissingValues(),
        null,
        profile.classBalance(),
        profile.majorityShare(),
        null,
        null,
        null);
  }

  /**
   * The card's validation: a version's stored metrics as the typed document. A forecaster
   * registered before models forecast several series kept its one series' figures beside the series
   * settings and at the top of its metrics; they are read as its one series ({@code
   * forecast.targets}), so the card has one shape.
   *
   * @param target the version's target, the name of a former forecaster's one series
   */
  public static CandidateMetrics validation(Map<String, Object> metrics, String target) {
    if (metrics.get("forecast") instanceof Map<?, ?> forecast && !forecast.containsKey("targets")) {
      Map<String, Object> series = new LinkedHashMap<>();
      forecast.forEach((key, value) -> series.put(String.valueOf(key), value));
      series.put(
          "targets",
          Json.convert(SeriesFigures.of(CandidateMetrics.of(metrics), target), List.class));
      Map<String, Object> normalised = new LinkedHashMap<>(metrics);
      normalised.put("forecast", series);
      return CandidateMetrics.of(normalised);
    }
    return CandidateMetrics.of(metrics);
  }

  /** A process variable or an evidence value as text (null stays null). */
  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** An evidence list (the policy's blockers or warnings) as text lines; none when absent. */
  private static List<String> lines(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : value.toString().lines().toList();
  }

  /** The engagement's requirements as its process left them (latest value of each variable). */
  private Map<String, Object> requirements(ModelVersion version) {
    Map<String, Object> values = new HashMap<>();
    if (version.processInstanceId() == null) {
      return values;
    }
    values.putAll(history.variables(version.processInstanceId(), REQUIREMENTS));
    return values;
  }

  /** How the cross-validation's folds were built, in words for the card. */
  static String foldsBuilt(CandidateMetrics.Folds folds) {
    if (folds != null && Boolean.TRUE.equals(folds.grouped())) {
      return "Weka's stratified folds, with rows that repeat exactly kept in one fold ("
          + folds.repeatedRowsMoved()
          + " moved to their first copy's fold), so no model was tested on a row it trained on; Weka's plain"
          + " cross-validation of the same data would be flattered by the repeats";
    }
    return "Weka's stratified folds (Evaluation.crossValidateModel): the figures are Weka's own";
  }
}
