package ai.lepton.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the sender of a dataset is told: what was stored, what was set aside, and whether the
 * engagement took it.
 */
@Schema(
    description =
        "A dataset received: stored (or found stored before), and whether its engagement took it")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetReceipt(
    @Schema(example = "ds-019ad3f1c2a07c3e9b1d") String datasetId,
    @Schema(description = "SHA-256 of the bytes stored (after pseudonymisation, if any)")
        String sha256,
    int rows,
    int attributes,
    @Schema(allowableValues = {"csv", "arff"}) String format,
    @Schema(description = "Rows set aside as unreadable (GET /api/datasets/{id}/quarantine)")
        int quarantinedRows,
    @Schema(
            description =
                "The same bytes were stored for this engagement before: nothing new stored or sent")
        boolean duplicate,
    @Schema(description = "The engagement was waiting for it and goes on with it")
        boolean correlated,
    @Schema(
            description = "Why the data waits (monitoring data while a check is under way)",
            nullable = true)
        String note) {

  /** The same receipt with a note. */
  public DatasetReceipt noted(String text) {
    return new DatasetReceipt(
        datasetId, sha256, rows, attributes, format, quarantinedRows, duplicate, correlated, text);
  }
}
