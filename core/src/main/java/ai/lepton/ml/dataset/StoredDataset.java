package ai.lepton.ml.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset as stored: never changed after it is written. {@code sourceSha256} names the bytes the
 * client sent; {@code sha256} the bytes stored, which differ only when personal-data columns were
 * pseudonymised at ingest.
 */
public record StoredDataset(
    String id,
    String engagementKey,
    String name,
    DatasetFormat format,
    String sha256,
    long sizeBytes,
    int rows,
    int attributes,
    List<Map<String, Object>> schema,
    String derivedFrom,
    List<Map<String, Object>> preparation,
    String createdBy,
    Instant createdAt,
    String sourceSha256,
    List<String> pseudonymisedColumns) {}
