package ai.lepton.ml.registry;

import java.time.Instant;
import java.util.Map;

/**
 * A trained model as registered: everything needed to repeat the run in Weka, and its
 * cross-validation metrics.
 */
public record ModelVersion(
    String id,
    String modelName,
    String engagementKey,
    String processInstanceId,
    int trainingRound,
    String problemType,
    String targetAttribute,
    String algorithm,
    String options,
    int seed,
    int folds,
    String datasetId,
    String datasetSha256,
    Map<String, Object> metrics,
    long trainingMillis,
    String modelSha256,
    String wekaVersion,
    Instant createdAt) {

  /** One metric as a number, NaN where Weka gave none. */
  /**
   * The Weka command that trained the model, as the Explorer runs it: the learner and its options,
   * or for a model on free text the {@code FilteredClassifier} around the learner with its word
   * vectors.
   */
  public String wekaCommand() {
    if (metrics.get("text") instanceof java.util.Map<?, ?> text
        && text.get("wekaCommand") != null) {
      return text.get("wekaCommand").toString();
    }
    return (algorithm + " " + options).strip();
  }

  public double metric(String name) {
    Object value = metrics.get(name);
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }
}
