package ai.lepton.api;

import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.registry.StatusChange;
import ai.lepton.ml.training.CandidateMetrics;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A model version as {@code /api/models} answers it: how to repeat its training in Weka, its
 * figures, its record.
 */
@Schema(
    description =
        "A model version: the Weka run that made it, its evaluation figures, its status and record")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(
    @Schema(example = "mv-d1d4286ac37543fc") String modelVersionId,
    @Schema(description = "The name it is deployed under", example = "churn-risk") String modelName,
    @Schema(description = "The engagement that trained it", example = "ENG-DEMO-CHURN-RISK")
        String engagement,
    ModelStatus status,
    @Schema(allowableValues = {"classification", "regression", "forecasting"}) String problemType,
    String targetAttribute,
    @Schema(example = "weka.classifiers.trees.J48") String algorithm,
    @Schema(example = "-C 0.25 -M 2") String options,
    @Schema(
            description = "The same run as a Weka command line",
            example = "weka.classifiers.trees.J48 -C 0.25 -M 2")
        String wekaCommand,
    int seed,
    @Schema(description = "Cross-validation folds (0: a forecaster, evaluated time-ordered)")
        int folds,
    int trainingRound,
    String datasetId,
    String datasetSha256,
    @Schema(
            description =
                "Weka's evaluation figures under Weka's names (cross-validated, or time-ordered for a"
                    + " forecaster), with per-fold, per-class and curve details")
        CandidateMetrics metrics,
    long trainingMillis,
    String modelSha256,
    String wekaVersion,
    String createdAt,
    @Schema(description = "The instant asked about (GET /api/models/live only)") String liveAt,
    @Schema(description = "Every status change, who made it and why")
        List<StatusChange> statusHistory,
    @Schema(description = "The approval decisions on record, with their evidence")
        List<Approval> approvals) {

  static ModelView of(ModelVersion version, ModelStatus status) {
    return new ModelView(
        version.id(),
        version.modelName(),
        version.engagementKey(),
        status,
        version.problemType(),
        version.targetAttribute(),
        version.algorithm(),
        version.options(),
        version.wekaCommand(),
        version.seed(),
        version.folds(),
        version.trainingRound(),
        version.datasetId(),
        version.datasetSha256(),
        version.figures(),
        version.trainingMillis(),
        version.modelSha256(),
        version.wekaVersion(),
        version.createdAt().toString(),
        null,
        null,
        null);
  }

  ModelView withRecord(String at, List<StatusChange> history, List<Approval> decisions) {
    return new ModelView(
        modelVersionId,
        modelName,
        engagement,
        status,
        problemType,
        targetAttribute,
        algorithm,
        options,
        wekaCommand,
        seed,
        folds,
        trainingRound,
        datasetId,
        datasetSha256,
        metrics,
        trainingMillis,
        modelSha256,
        wekaVersion,
        createdAt,
        at,
        history,
        decisions);
  }
}
