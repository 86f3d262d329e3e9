package ai.lepton.ingest;

import ai.lepton.ml.dataset.StoredDataset;

/**
 * What the pipeline did with a dataset: stored (or found, when the same bytes came before for this
 * engagement), how many rows it set aside, and whether an engagement was moved on.
 */
public record IngestResult(
    StoredDataset dataset, int quarantinedRows, boolean duplicate, boolean correlated) {}
