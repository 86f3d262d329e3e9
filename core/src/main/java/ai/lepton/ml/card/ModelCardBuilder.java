package ai.lepton.ml.card;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.monitoring.ChallengerComparison;
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

  public Map<String, Object> build(String modelVersionId) {
    ModelVersion version = registry.get(modelVersionId);
    Map<String, Object> requirements = requirements(version);
    Map<String, Object> card = new LinkedHashMap<>();

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("modelVersionId", version.id());
    model.put("modelName", version.modelName());
    model.put("status", registry.currentStatus(version.id()).name());
    model.put("engagement", version.engagementKey());
    model.put("createdAt", version.createdAt().toString());
    model.put("modelSha256", version.modelSha256());
    model.put("wekaVersion", version.wekaVersion());
    card.put("model", model);

    Map<String, Object> use = new LinkedHashMap<>();
    use.put("client", requirements.get("client"));
    use.put("engagementName", requirements.get("engagementName"));
    use.put("intendedUse", requirements.getOrDefault("intendedUse", null));
    use.put("targetAttribute", version.targetAttribute());
    use.put("problemType", version.problemType());
    use.put(
        "successCriterion",
        requirements.get("successMetric") + " threshold " + requirements.get("successThreshold"));
    card.put("intendedUse", use);

    card.put("data", data(version, requirements));

    Map<String, Object> training = new LinkedHashMap<>();
    training.put("algorithm", version.algorithm());
    training.put("options", version.options());
    training.put("wekaCommand", version.wekaCommand());
    training.put("seed", version.seed());
    training.put("folds", version.folds());
    training.put("foldsBuilt", foldsBuilt(version.figures().folds()));
    training.put("trainingRound", version.trainingRound());
    training.put("trainingMillis", version.trainingMillis());
    card.put("training", training);

    card.put("validation", version.metrics());

    List<Map<String, Object>> approvals = new ArrayList<>();
    for (Approval approval : registry.approvalsOf(version.id())) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("approved", approval.approved());
      entry.put("approver", approval.approver());
      entry.put("reason", approval.reason());
      entry.put("decidedAt", approval.decidedAt().toString());
      entry.put("modelSha256", approval.evidence().get("modelSha256"));
      entry.put("policyVerdict", approval.evidence().get("policyVerdict"));
      entry.put("policyBlockers", approval.evidence().getOrDefault("policyBlockers", List.of()));
      entry.put("policyWarnings", approval.evidence().getOrDefault("policyWarnings", List.of()));
      entry.put("overrideReason", approval.evidence().get("overrideReason"));
      approvals.add(entry);
    }
    card.put("approvals", approvals);

    List<StatusChange> changes = registry.statusHistory(version.id());
    List<Map<String, Object>> statusHistory = new ArrayList<>();
    for (StatusChange change : changes) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("status", change.status().name());
      entry.put("by", change.changedBy());
      entry.put("at", change.changedAt().toString());
      entry.put("reason", change.reason());
      statusHistory.add(entry);
    }
    card.put("statusHistory", statusHistory);

    Map<String, Long> counts = decisions.countsFor(version.id());
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("decisions", counts.values().stream().mapToLong(Long::longValue).sum());
    usage.put("byDecision", counts);
    // which rules decided with this model, version by version: "which rules and model declined this
    // applicant"
    usage.put("ruleSetVersions", decisions.ruleSetVersionsOf(version.id()));
    card.put("decisions", usage);
    List<Map<String, Object>> all = monitoring.checksOf(version.id());
    List<Map<String, Object>> checks = all.stream().map(MonitoringService::summary).toList();
    Map<String, Object> monitored = new LinkedHashMap<>();
    monitored.put("checks", checks);
    monitored.put(
        "note",
        checks.isEmpty()
            ? "no monitoring check has run for this version yet"
            : checks.size() + " monitoring check(s), the latest " + checks.get(0).get("checkedAt"));
    monitored.put("latestAttributes", all.isEmpty() ? List.of() : all.get(0).get("attributes"));
    card.put("monitoring", monitored);
    Map<String, Object> trial = trial(version.id(), changes);
    if (trial != null) {
      card.put("challengerTrial", trial);
    }
    card.put("annexIV", AnnexIv.forCard());
    return card;
  }

  /**
   * For a version that went on trial as a challenger: the comparison with the champion on the live
   * decisions it answered in shadow (as it stands now) and the model risk officers' decisions on
   * the trial; null for any other.
   */
  private Map<String, Object> trial(String versionId, List<StatusChange> changes) {
    if (changes.stream().noneMatch(c -> c.status() == ModelStatus.CHALLENGER)) {
      return null;
    }
    Map<String, Object> trial = new LinkedHashMap<>();
    trial.put("comparison", challengers.of(versionId));
    List<Map<String, Object>> decided = new ArrayList<>();
    for (ChallengerDecision decision : registry.challengerDecisionsOf(versionId)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("promoted", decision.promoted());
      entry.put("officer", decision.officer());
      entry.put("reason", decision.reason());
      entry.put("decidedAt", decision.decidedAt().toString());
      entry.put("taskId", decision.taskId());
      entry.put("evidence", decision.evidence());
      decided.add(entry);
    }
    trial.put("decisions", decided);
    return trial;
  }

  private Map<String, Object> data(ModelVersion version, Map<String, Object> requirements) {
    Map<String, Object> data = new LinkedHashMap<>();
    StoredDataset prepared = datasets.find(version.datasetId()).orElse(null);
    data.put("preparedDatasetId", version.datasetId());
    data.put("preparedDatasetSha256", version.datasetSha256());
    if (prepared != null) {
      data.put("rows", prepared.rows());
      data.put("attributes", prepared.attributes());
      data.put("preparation", prepared.preparation());
      StoredDataset raw =
          prepared.derivedFrom() == null
              ? null
              : datasets.find(prepared.derivedFrom()).orElse(null);
      if (raw != null) {
        data.put(
            "sourceDataset",
            Map.of(
                "datasetId",
                raw.id(),
                "name",
                raw.name(),
                "sha256",
                raw.sha256(),
                "rows",
                raw.rows(),
                "attributes",
                raw.attributes()));
        datasets
            .latestProfile(raw.id())
            .ifPresent(profile -> data.put("profile", summary(profile)));
      }
    }
    data.put("qualityVerdict", requirements.get("qualityVerdict"));
    Object findings = requirements.get("qualityFindings");
    data.put(
        "qualityFindings", findings == null ? List.of() : findings.toString().lines().toList());
    return data;
  }

  private static Map<String, Object> summary(Map<String, Object> profile) {
    Map<String, Object> summary = new LinkedHashMap<>();
    for (String key :
        List.of(
            "rows", "attributeCount", "rowsWithMissingValues", "classBalance", "majorityShare")) {
      if (profile.containsKey(key)) {
        summary.put(key, profile.get(key));
      }
    }
    return summary;
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
