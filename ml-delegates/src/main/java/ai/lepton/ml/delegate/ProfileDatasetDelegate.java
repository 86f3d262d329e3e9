package ai.lepton.ml.delegate;

import ai.lepton.ml.dataset.DatasetProfiler;
import ai.lepton.ml.dataset.DatasetStore;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import weka.core.Instances;

/**
 * Profiles the dataset the client sent, stores the profile with it and hands it to the data-quality rules as the
 * JSON variable {@code datasetProfile}.
 */
@Component("profileDataset")
public class ProfileDatasetDelegate implements JavaDelegate {

  private final DatasetStore datasets;

  public ProfileDatasetDelegate(DatasetStore datasets) {
    this.datasets = datasets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String datasetId = RequiredVariables.string(execution, "datasetId");
    String target = RequiredVariables.string(execution, "targetAttribute");
    Instances data = datasets.load(datasetId);
    if (data.attribute(target) == null) {
      throw new IllegalArgumentException(
          String.format("Dataset %s has no attribute '%s' (the engagement's target)", datasetId, target));
    }
    Map<String, Object> profile = DatasetProfiler.profile(data, target);
    datasets.addProfile(datasetId, target, profile);
    execution.setVariable("datasetRows", data.numInstances());
    execution.setVariable("datasetRowsWithMissingValues", profile.get("rowsWithMissingValues"));
    execution.setVariable("datasetProfile", JsonVariables.of(profile));
  }
}
