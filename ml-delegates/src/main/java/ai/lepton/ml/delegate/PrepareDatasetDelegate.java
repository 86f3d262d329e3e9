package ai.lepton.ml.delegate;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Prepares the client's dataset for training and stores the result as a derived dataset with its recipe. */
@Component("prepareDataset")
public class PrepareDatasetDelegate implements JavaDelegate {

  private final DatasetStore datasets;

  public PrepareDatasetDelegate(DatasetStore datasets) {
    this.datasets = datasets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StoredDataset raw = datasets.get(RequiredVariables.string(execution, "datasetId"));
    String target = RequiredVariables.string(execution, "targetAttribute");
    ProblemType problemType = ProblemType.of(RequiredVariables.string(execution, "problemType"));
    DatasetPreparer.Prepared prepared = DatasetPreparer.prepare(datasets.load(raw.id()), target, problemType);
    StoredDataset stored = datasets.storeDerived(raw, prepared.data(), prepared.recipe());
    execution.setVariable("preparedDatasetId", stored.id());
    execution.setVariable("preparedDatasetSha256", stored.sha256());
  }
}
