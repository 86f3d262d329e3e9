package ai.lepton.ml.delegate;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.NewModelVersion;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.TrainingResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import weka.core.Instances;

/**
 * Trains one candidate (the multi-instance element {@code algorithm}) on the prepared dataset: k-fold
 * cross-validation, then the final model on all rows; registers it as a CANDIDATE model version.
 */
@Component("trainModel")
public class TrainModelDelegate implements JavaDelegate {

  private final DatasetStore datasets;
  private final ModelRegistry registry;

  public TrainModelDelegate(DatasetStore datasets, ModelRegistry registry) {
    this.datasets = datasets;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AlgorithmSpec algorithm = AlgorithmSpec.parse(RequiredVariables.string(execution, "algorithm"));
    StoredDataset dataset = datasets.get(RequiredVariables.string(execution, "preparedDatasetId"));
    String target = RequiredVariables.string(execution, "targetAttribute");
    int folds = RequiredVariables.integer(execution, "folds");
    int seed = RequiredVariables.integer(execution, "seed");
    Instances data = datasets.load(dataset.id());
    data.setClass(data.attribute(target));
    TrainingResult result = CrossValidationTrainer.train(data, algorithm, folds, seed);
    String engagementKey = execution.getProcessBusinessKey();
    if (engagementKey == null) {
      throw new IllegalStateException("The process has no business key: start engagements with their id as key");
    }
    String id = registry.register(new NewModelVersion(RequiredVariables.string(execution, "modelName"),
        engagementKey, execution.getProcessInstanceId(),
        RequiredVariables.integer(execution, "trainingRound"), RequiredVariables.string(execution, "problemType"),
        target, algorithm, seed, folds, dataset.id(), dataset.sha256(), result));
    execution.setVariableLocal("candidateModelVersionId", id);
  }
}
