package ai.lepton.ml.delegate;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.dataset.TextColumns;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares the client's dataset for training and stores the result as a derived dataset with its
 * recipe; the attributes the data-quality rules condemned ({@code qualityDropAttributes}) are
 * removed first; free text (named in the requirements or detected, {@link TextColumns}) stays text
 * for the learners' word vectors.
 */
@Component(ProcessBeans.PREPARE_DATASET)
public class PrepareDatasetDelegate implements JavaDelegate {

  private final DatasetStore datasets;
  private final ai.lepton.ml.engagement.RequirementsRecord requirements;

  public PrepareDatasetDelegate(
      DatasetStore datasets, ai.lepton.ml.engagement.RequirementsRecord requirements) {
    this.datasets = datasets;
    this.requirements = requirements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StoredDataset raw =
        datasets.get(RequiredVariables.string(execution, ProcessVariables.DATASET_ID));
    String target = RequiredVariables.string(execution, ProcessVariables.TARGET_ATTRIBUTE);
    ProblemType problemType =
        ProblemType.of(RequiredVariables.string(execution, ProcessVariables.PROBLEM_TYPE));
    Object drop = execution.getVariable(ProcessVariables.QUALITY_DROP_ATTRIBUTES);
    List<String> dropped =
        drop == null || drop.toString().isBlank() ? List.of() : List.of(drop.toString().split(","));
    weka.core.Instances data = datasets.load(raw.id());
    java.util.Set<String> text =
        problemType == ProblemType.FORECASTING
            ? java.util.Set.of()
            : TextColumns.of(
                data,
                requirements.of(execution.getProcessBusinessKey()).textSettings().attributeNames(),
                target);
    DatasetPreparer.Prepared prepared =
        DatasetPreparer.prepare(data, target, problemType, dropped, text);
    StoredDataset stored = datasets.storeDerived(raw, prepared.data(), prepared.recipe());
    execution.setVariable(ProcessVariables.PREPARED_DATASET_ID, stored.id());
    execution.setVariable(ProcessVariables.PREPARED_DATASET_SHA256, stored.sha256());
  }
}
