package ai.lepton.ml.card;

import ai.lepton.ml.Json;
import ai.lepton.ml.dataset.DatasetProfile;
import ai.lepton.ml.monitoring.MonitoringCheck;
import ai.lepton.ml.training.CandidateMetrics;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A model card: everything an auditor asks about one model version, in the sections of the EU AI
 * Act's Annex IV, as {@link ModelCardBuilder} gathers it and {@code GET /api/models/{id}/card.json}
 * serves it. The JSON keys are the components' names. What other parts of Lepton keep as documents
 * of their own stays a document here: a dataset's preparation recipe, the monitoring checks'
 * summaries and their latest per-attribute drift, a challenger's comparison with the champion, the
 * evidence of a trial decision and the rule set versions that decided with the model.
 *
 * @param validation the version's cross-validated metrics, as training wrote them
 * @param decisions the decisions taken with this version
 * @param challengerTrial only for a version that went on trial as a challenger
 */
public record ModelCard(
    Model model,
    IntendedUse intendedUse,
    Data data,
    Training training,
    CandidateMetrics validation,
    List<CardApproval> approvals,
    List<StatusEntry> statusHistory,
    Usage decisions,
    Monitoring monitoring,
    @JsonInclude(JsonInclude.Include.NON_NULL) ChallengerTrial challengerTrial,
    List<AnnexIvPoint> annexIV) {

  /** Which version of which model, where it stands, and the bytes it was registered with. */
  @Schema(name = "CardModel")
  public record Model(
      String modelVersionId,
      String modelName,
      String status,
      String engagement,
      String createdAt,
      String modelSha256,
      String wekaVersion) {}

  /**
   * What the engagement asked for, as its process left the requirements (absent ones are null).
   *
   * @param successCriterion the success metric and its threshold, in words
   */
  @Schema(name = "CardIntendedUse")
  public record IntendedUse(
      String client,
      String engagementName,
      String intendedUse,
      String targetAttribute,
      String problemType,
      String successCriterion) {}

  /**
   * The prepared data the model was trained on, the client's dataset it was derived from and that
   * dataset's profile, and the data-quality verdict.
   *
   * @param rows absent when the prepared dataset is no longer stored, as its attributes and
   *     preparation
   * @param preparation the preparation recipe's steps as the dataset store keeps them
   * @param sourceDataset absent for a dataset not derived from a stored one
   * @param profile the client dataset's latest profile, its summary only (rows, attributes, rows
   *     with missing values, class balance, majority share)
   */
  @Schema(name = "CardData")
  public record Data(
      String preparedDatasetId,
      String preparedDatasetSha256,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer rows,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer attributes,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> preparation,
      @JsonInclude(JsonInclude.Include.NON_NULL) SourceDataset sourceDataset,
      @JsonInclude(JsonInclude.Include.NON_NULL) DatasetProfile profile,
      String qualityVerdict,
      List<String> qualityFindings) {}

  /** The client's dataset the training data was prepared from. */
  @Schema(name = "CardSourceDataset")
  public record SourceDataset(
      String datasetId, String name, String sha256, int rows, int attributes) {}

  /**
   * How the model was trained, enough to repeat it in Weka.
   *
   * @param foldsBuilt how the cross-validation's folds were built, in words
   */
  @Schema(name = "CardTraining")
  public record Training(
      String algorithm,
      String options,
      String wekaCommand,
      int seed,
      int folds,
      String foldsBuilt,
      int trainingRound,
      long trainingMillis) {}

  /**
   * A model risk officer's decision on the version, with the policy's verdict they decided on.
   *
   * @param modelSha256 the model's bytes as approved
   * @param overrideReason why it was approved although the policy blocked it (else null)
   */
  @Schema(name = "CardApproval")
  public record CardApproval(
      boolean approved,
      String approver,
      String reason,
      String decidedAt,
      String modelSha256,
      String policyVerdict,
      List<String> policyBlockers,
      List<String> policyWarnings,
      String overrideReason) {}

  /** One row of the version's status history. */
  @Schema(name = "CardStatusEntry")
  public record StatusEntry(String status, String by, String at, String reason) {}

  /**
   * The decisions taken with the version: how many, by decision, and which rule set versions took
   * them (each {@code ruleSet, version, sha256, decisions, first, last}).
   */
  @Schema(name = "CardUsage")
  public record Usage(
      long decisions, Map<String, Long> byDecision, List<Map<String, Object>> ruleSetVersions) {}

  /**
   * The monitoring checks of the version, newest first, as their summaries (a check's document
   * without its per-attribute drift), and the latest check's per-attribute drift.
   */
  @Schema(name = "CardMonitoring")
  public record Monitoring(
      List<MonitoringCheck> checks,
      String note,
      List<MonitoringCheck.AttributeDrift> latestAttributes) {}

  /**
   * A challenger's trial: its comparison with the champion on the live decisions it answered in
   * shadow (as {@code ChallengerComparison} writes it, as it stands now) and the model risk
   * officers' decisions on the trial.
   */
  @Schema(name = "CardChallengerTrial")
  public record ChallengerTrial(Map<String, Object> comparison, List<TrialDecision> decisions) {}

  /**
   * A decision on a challenger's trial, with the comparison it was taken on as its evidence.
   *
   * @param promoted true: promoted to champion; false: retired
   */
  @Schema(name = "CardTrialDecision")
  public record TrialDecision(
      boolean promoted,
      String officer,
      String reason,
      String decidedAt,
      String taskId,
      Map<String, Object> evidence) {}

  /** A card's JSON as this record, failing on a field the record does not know. */
  public static ModelCard strictly(Map<String, Object> card) {
    return Json.convertStrictly(card, ModelCard.class);
  }
}
