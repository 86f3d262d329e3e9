package ai.lepton.api;

import ai.lepton.ml.dataset.BadRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The rows of a dataset set aside at ingest, each with its line and why. */
@Schema(
    description =
        "Rows set aside at ingest (wrong field count, text in a numeric column), with the reasons")
public record QuarantineView(String datasetId, int count, List<BadRow> rows) {}
