package ai.lepton.ml.card;

import ai.lepton.ml.Json;
import ai.lepton.ml.monitoring.MonitoringCheck;
import ai.lepton.ml.training.CandidateMetrics;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * An engagement's whole record for an auditor, in the sections of the EU AI Act's Annex IV, as
 * {@link EngagementRecordBuilder} gathers it from the engagement's process, its datasets, the model
 * cards of its versions and the audit trail, and {@code GET /api/audit/engagements/{key}} serves
 * it. The JSON keys are the components' names. What the card keeps as other parts' documents stays
 * a document here too (a dataset's preparation recipe, the monitoring checks' summaries, a
 * challenger's comparison), and so does an audit entry's payload.
 */
public record EngagementRecord(
    Description description,
    List<DatasetEntry> data,
    List<TrainingRun> training,
    List<Validation> validation,
    List<ApprovalEntry> approval,
    List<Deployment> deployment,
    List<MonitoringEntry> monitoring,
    List<Change> changes,
    List<AnnexIvPoint> annexIV) {

  /**
   * The engagement: its process instance, what it is for (the descriptive variables its process was
   * given; a variable not set is absent), who opened it, and the latest requirements and who set
   * them (absent until the requirements are recorded).
   *
   * @param closedAt null while the engagement runs
   */
  @Schema(name = "RecordDescription")
  public record Description(
      String engagement,
      String processInstanceId,
      String state,
      String openedAt,
      String closedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String client,
      @JsonInclude(JsonInclude.Include.NON_NULL) String engagementName,
      @JsonInclude(JsonInclude.Include.NON_NULL) String intendedUse,
      String initiator,
      @JsonInclude(JsonInclude.Include.NON_NULL) String targetAttribute,
      @JsonInclude(JsonInclude.Include.NON_NULL) String problemType,
      @JsonInclude(JsonInclude.Include.NON_NULL) String modelName,
      @JsonInclude(JsonInclude.Include.NON_NULL) String successMetric,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double successThreshold,
      @JsonInclude(JsonInclude.Include.NON_NULL) String algorithms,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer folds,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer seed,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer requirementsRevision,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> requirementsSetBy) {}

  /**
   * A dataset of the engagement as stored.
   *
   * @param preparation the preparation recipe's steps as the dataset store keeps them (none for a
   *     client's dataset)
   */
  @Schema(name = "RecordDatasetEntry")
  public record DatasetEntry(
      String datasetId,
      String name,
      String sha256,
      String sourceSha256,
      int rows,
      int attributes,
      String derivedFrom,
      List<Map<String, Object>> preparation,
      List<String> pseudonymisedColumns,
      String createdBy,
      String createdAt) {}

  /** A version's training, as its card has it, and the data and model bytes it joined. */
  @Schema(name = "RecordTrainingRun")
  public record TrainingRun(
      String algorithm,
      String options,
      String wekaCommand,
      int seed,
      int folds,
      String foldsBuilt,
      int trainingRound,
      long trainingMillis,
      String modelVersionId,
      String datasetId,
      String datasetSha256,
      String modelSha256) {

    static TrainingRun of(
        ModelCard.Training training,
        String modelVersionId,
        String datasetId,
        String datasetSha256,
        String modelSha256) {
      return new TrainingRun(
          training.algorithm(),
          training.options(),
          training.wekaCommand(),
          training.seed(),
          training.folds(),
          training.foldsBuilt(),
          training.trainingRound(),
          training.trainingMillis(),
          modelVersionId,
          datasetId,
          datasetSha256,
          modelSha256);
    }
  }

  /** A version's key validation figures. */
  @Schema(name = "RecordValidation")
  public record Validation(String modelVersionId, KeyMetrics metrics) {}

  /**
   * The figures of a version's evaluation an auditor weighs first (those its metrics have): Weka's
   * headline figures, per class, the confusion matrix, the folds, fairness and importance.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "RecordKeyMetrics")
  public record KeyMetrics(
      Double pctCorrect,
      Double kappa,
      Double weightedAreaUnderROC,
      Double weightedFMeasure,
      Double correlationCoefficient,
      Double meanAbsoluteError,
      Double rootMeanSquaredError,
      Map<String, CandidateMetrics.ClassFigures> perClass,
      CandidateMetrics.ConfusionMatrix confusionMatrix,
      CandidateMetrics.Folds folds,
      List<CandidateMetrics.FairnessAssessment> fairness,
      CandidateMetrics.Importance importance) {

    /** The key figures of a version's metrics. */
    public static KeyMetrics of(CandidateMetrics metrics) {
      return new KeyMetrics(
          metrics.pctCorrect(),
          metrics.kappa(),
          metrics.weightedAreaUnderROC(),
          metrics.weightedFMeasure(),
          metrics.correlationCoefficient(),
          metrics.meanAbsoluteError(),
          metrics.rootMeanSquaredError(),
          metrics.perClass(),
          metrics.confusionMatrix(),
          metrics.folds(),
          metrics.fairness(),
          metrics.importance());
    }
  }

  /** A decision on a version's approval, as its card has it. */
  @Schema(name = "RecordApprovalEntry")
  public record ApprovalEntry(
      boolean approved,
      String approver,
      String reason,
      String decidedAt,
      String modelSha256,
      String policyVerdict,
      List<String> policyBlockers,
      List<String> policyWarnings,
      String overrideReason,
      String modelVersionId) {

    static ApprovalEntry of(ModelCard.CardApproval approval, String modelVersionId) {
      return new ApprovalEntry(
          approval.approved(),
          approval.approver(),
          approval.reason(),
          approval.decidedAt(),
          approval.modelSha256(),
          approval.policyVerdict(),
          approval.policyBlockers(),
          approval.policyWarnings(),
          approval.overrideReason(),
          modelVersionId);
    }
  }

  /** A version's status history. */
  @Schema(name = "RecordDeployment")
  public record Deployment(String modelVersionId, List<ModelCard.StatusEntry> statusHistory) {}

  /**
   * A version in use: its decisions, its monitoring checks' summaries and, for a challenger, its
   * trial.
   */
  @Schema(name = "RecordMonitoringEntry")
  public record MonitoringEntry(
      String modelVersionId,
      ModelCard.Usage decisions,
      List<MonitoringCheck> checks,
      @JsonInclude(JsonInclude.Include.NON_NULL) ModelCard.ChallengerTrial challengerTrial) {}

  /**
   * An audit trail entry that mentions the engagement.
   *
   * @param subject the subject's type and id
   */
  @Schema(name = "RecordChange")
  public record Change(
      long seq,
      String recordedAt,
      String actor,
      String type,
      String subject,
      Map<String, Object> payload,
      String hash) {}

  /** A record's JSON as this record, failing on a field the record does not know. */
  public static EngagementRecord strictly(Map<String, Object> record) {
    return Json.convertStrictly(record, EngagementRecord.class);
  }

  /** The record as the document it is served as (for flattening). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asMap() {
    return Json.convert(this, Map.class);
  }
}
