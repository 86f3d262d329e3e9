package ai.lepton.api;

import ai.lepton.ml.dataset.DatasetProfile;
import ai.lepton.ml.dataset.StoredDataset;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A stored dataset as its readers see it: where it came from, its bytes' hash, its schema and its
 * latest profile.
 */
@Schema(description = "A stored dataset: never changed after it is written")
public record DatasetView(
    @Schema(example = "ds-019ad3f1c2a07c3e9b1d") String datasetId,
    String engagement,
    String name,
    @Schema(allowableValues = {"csv", "arff"}) String format,
    String sha256,
    long sizeBytes,
    int rows,
    int attributes,
    @Schema(description = "One entry per attribute: name, type and, for nominal ones, the values")
        List<Map<String, Object>> schema,
    @Schema(
            description = "The dataset it was prepared from (null for data as received)",
            nullable = true)
        String derivedFrom,
    @Schema(description = "The preparation steps that made it from derivedFrom", nullable = true)
        List<Map<String, Object>> preparation,
    @Schema(
            description =
                "The latest data-quality profile: per attribute missing share, distinct values,"
                    + " identifier-likeness, outcome purity; per dataset duplicates and class balance",
            nullable = true)
        DatasetProfile profile,
    String createdBy,
    String createdAt) {

  static DatasetView of(StoredDataset dataset, Map<String, Object> profile) {
    return new DatasetView(
        dataset.id(),
        dataset.engagementKey(),
        dataset.name(),
        dataset.format().wireName(),
        dataset.sha256(),
        dataset.sizeBytes(),
        dataset.rows(),
        dataset.attributes(),
        dataset.schema(),
        dataset.derivedFrom(),
        dataset.preparation(),
        profile == null ? null : DatasetProfile.of(profile),
        dataset.createdBy(),
        dataset.createdAt().toString());
  }
}
