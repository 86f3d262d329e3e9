package ai.lepton.ml.registry;

import ai.lepton.ml.training.CandidateMetrics;
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

  /** The metrics as the typed document. */
  public CandidateMetrics figures() {
    return CandidateMetrics.of(metrics);
  }

  /**
   * The Weka command that trained the model, as the Explorer runs it: the learner and its options,
   * or for a model on free text the {@code FilteredClassifier} around the learner with its word
   * vectors.
   */
  public String wekaCommand() {
    CandidateMetrics.TextFigures text = figures().text();
    if (text != null && text.wekaCommand() != null) {
      return text.wekaCommand();
    }
    return (algorithm + " " + options).strip();
  }

  /** One metric by Weka's name, NaN where Weka gave none. */
  public double metric(String name) {
    return figures().figureOrNaN(name);
  }
}
