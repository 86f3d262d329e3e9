package ai.lepton.ml.engagement;

import ai.lepton.ml.training.AlgorithmList;
import ai.lepton.ml.training.AlgorithmSpec;
import java.time.Instant;
import java.util.List;

/** An engagement's requirements as recorded (one revision), and who set them. */
public record Requirements(String engagementKey, int revision, String processInstanceId, String targetAttribute,
    String problemType, String modelName, String successMetric, double successThreshold, String algorithms,
    int folds, int seed, String piiColumns, String sqlSource, String sqlQuery, String expectedSchema, String setBy,
    String taskId, Instant recordedAt) {

  public List<AlgorithmSpec> algorithmSpecs() {
    return AlgorithmList.parse(algorithms);
  }

  /** The same requirements with other algorithms, set by another person at another task. */
  public Requirements withAlgorithms(String newAlgorithms, String by, String task) {
    return new Requirements(engagementKey, revision + 1, processInstanceId, targetAttribute, problemType, modelName,
        successMetric, successThreshold, newAlgorithms, folds, seed, piiColumns, sqlSource, sqlQuery,
        expectedSchema, by, task, Instant.now());
  }

  public boolean hasSqlPull() {
    return sqlSource != null && !sqlSource.isBlank();
  }
}
