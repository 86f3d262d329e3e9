package ai.lepton.ml.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A dataset as stored: never changed after it is written. */
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
    Instant createdAt) {}
