package ai.lepton.ml.training;

import java.util.Map;

/**
 * What one training run gives: cross-validation metrics, the final model serialized for Weka, and
 * the time taken.
 */
public record TrainingResult(Map<String, Object> metrics, byte[] modelBytes, long trainingMillis) {}
