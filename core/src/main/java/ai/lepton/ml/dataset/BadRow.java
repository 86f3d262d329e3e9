package ai.lepton.ml.dataset;

import java.util.List;

/** A row left out of a dataset: where it started, why, and its fields as read. */
public record BadRow(long line, String reason, List<String> fields) {}
