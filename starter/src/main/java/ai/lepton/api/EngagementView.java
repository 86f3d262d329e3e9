package ai.lepton.api;

import ai.lepton.ml.registry.ModelStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Where one engagement stands: its process instance, the steps it is at, its recorded facts,
 * datasets and models.
 */
@Schema(
    description =
        "One engagement: its process instance, current steps, variables, datasets and models")
public record EngagementView(
    @Schema(example = "ENG-2026-001") String engagementId,
    String processInstanceId,
    @Schema(
            allowableValues = {
              "ACTIVE",
              "SUSPENDED",
              "COMPLETED",
              "EXTERNALLY_TERMINATED",
              "INTERNALLY_TERMINATED"
            })
        String state,
    String startedBy,
    Date startedAt,
    @Schema(nullable = true) Date endedAt,
    @Schema(description = "The BPMN activities the engagement is at (empty once ended)")
        List<String> currentSteps,
    @Schema(
            description =
                "The engagement's facts as last recorded: client, name, target, problem type, model name,"
                    + " success metric and threshold, algorithms, folds, seed, dataset, champion, approver, maintenance verdict,"
                    + " closing")
        Map<String, Object> variables,
    List<DatasetLine> datasets,
    List<ModelLine> models) {

  /**
   * A dataset of the engagement: as received, or prepared from another ({@code derivedFrom}, else
   * empty).
   */
  public record DatasetLine(String datasetId, String name, String sha256, String derivedFrom) {}

  /** A model version trained in the engagement, with its status now. */
  public record ModelLine(
      String modelVersionId, String algorithm, ModelStatus status, int trainingRound) {}
}
