package ai.lepton.ml.delegate;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.NewModelVersion;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.forecasting.ForecastSpec;
import ai.lepton.ml.forecasting.ForecastTrainer;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.TrainingResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import weka.core.Instances;

/**
 * Trains one candidate (the multi-instance element {@code algorithm}) on the prepared dataset: k-fold
 * cross-validation, then the final model on all rows; registers it as a CANDIDATE model version. Target, folds,
 * seed, problem type and model name come from the engagement's recorded requirements, and the algorithm must be one
 * of them.
 */
@Component("trainModel")
public class TrainModelDelegate implements JavaDelegate {

  private final DatasetStore datasets;
  private final ModelRegistry registry;
  private final RequirementsRecord requirements;

  public TrainModelDelegate(DatasetStore datasets, ModelRegistry registry, RequirementsRecord requirements) {
    this.datasets = datasets;
    this.registry = registry;
    this.requirements = requirements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Requirements recorded = requirements.of(execution);
    AlgorithmSpec algorithm = AlgorithmSpec.parse(RequiredVariables.string(execution, "algorithm"));
    if (!recorded.algorithmSpecs().contains(algorithm)) {
      throw new IllegalStateException("Algorithm '" + algorithm + "' is not among engagement "
          + recorded.engagementKey() + "'s recorded requirements (revision " + recorded.revision() + "): "
          + recorded.algorithms().replace('\n', ';'));
    }
    StoredDataset dataset = datasets.get(RequiredVariables.string(execution, "preparedDatasetId"));
    if (!execution.getProcessBusinessKey().equals(dataset.engagementKey())) {
      throw new IllegalStateException("Dataset " + dataset.id() + " belongs to engagement " + dataset.engagementKey()
          + ", not to " + execution.getProcessBusinessKey());
    }
    String target = recorded.targetAttribute();
    int folds = recorded.folds();
    int seed = recorded.seed();
    Instances data = datasets.load(dataset.id());
    TrainingResult result;
    if (recorded.forecasting()) {
      // time-ordered: the last periods held out, never shuffled folds
      result = ForecastTrainer.train(data, new ForecastSpec(target, recorded.forecast().timeAttribute(),
          recorded.forecast().horizon(), recorded.forecast().overlayNames(), algorithm, 0,
          recorded.forecast().skipPeriods()));
    } else {
      data.setClass(data.attribute(target));
      result = CrossValidationTrainer.train(data, algorithm, folds, seed);
    }
    String engagementKey = execution.getProcessBusinessKey();
    if (engagementKey == null) {
      throw new IllegalStateException("The process has no business key: start engagements with their id as key");
    }
    String id = registry.register(new NewModelVersion(recorded.modelName(),
        engagementKey, execution.getProcessInstanceId(),
        RequiredVariables.integer(execution, "trainingRound"), recorded.problemType(),
        target, algorithm, seed, folds, dataset.id(), dataset.sha256(), result));
    execution.setVariableLocal("candidateModelVersionId", id);
  }
}
