package ai.lepton.ml.registry;

import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.TrainingResult;

/** What the training step hands to the registry. */
public record NewModelVersion(
    String modelName,
    String engagementKey,
    String processInstanceId,
    int trainingRound,
    String problemType,
    String targetAttribute,
    AlgorithmSpec algorithm,
    int seed,
    int folds,
    String datasetId,
    String datasetSha256,
    TrainingResult result) {}
