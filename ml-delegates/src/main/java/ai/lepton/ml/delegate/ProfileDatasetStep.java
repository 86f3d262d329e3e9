package ai.lepton.ml.delegate;

import ai.lepton.ml.dataset.DatasetProfiler;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.training.LeakageThresholds;
import ai.lepton.ml.training.SingleAttributeSkill;
import ai.lepton.ml.work.ExternalStep;
import ai.lepton.process.ExternalTopic;
import ai.lepton.process.ProcessVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;
import weka.core.Instances;

/**
 * <em>Profile dataset</em>: profiles the dataset the client sent, stores the profile with it and
 * hands it to the data-quality rules as the JSON variable {@code datasetProfile}. The profile
 * includes what each attribute achieves alone against all of them together ({@link
 * SingleAttributeSkill}, the engagement's recorded folds and seed), and the leakage thresholds the
 * rules apply ({@code lepton.quality.leakage.*}), so the stored profile says what was measured and
 * judged. An external task on {@code lepton-profile-dataset}: profiling a large dataset (its
 * cross-validated single-attribute skill above all) is held with a short lock its worker extends.
 * The target is the recorded requirements', never a variable; a dataset without it, or without a
 * text attribute they name, fails the step (an incident after its retries).
 */
@Component
public class ProfileDatasetStep implements ExternalStep {

  private final DatasetStore datasets;
  private final RequirementsRecord requirements;
  private final LeakageThresholds thresholds;

  public ProfileDatasetStep(
      DatasetStore datasets, RequirementsRecord requirements, LeakageThresholds thresholds) {
    this.datasets = datasets;
    this.requirements = requirements;
    this.thresholds = thresholds;
  }

  @Override
  public ExternalTopic topic() {
    return ExternalTopic.PROFILE_DATASET;
  }

  @Override
  public List<String> variables() {
    return List.of("datasetId");
  }

  @Override
  public Map<String, Object> work(LockedExternalTask task) {
    String datasetId = ExternalStep.required(task, ProcessVariables.DATASET_ID);
    Requirements recorded = requirements.of(task.getBusinessKey());
    String target = recorded.targetAttribute();
    Instances data = datasets.load(datasetId);
    if (data.attribute(target) == null) {
      throw new IllegalArgumentException(
          String.format(
              "Dataset %s has no attribute '%s' (the engagement's target)", datasetId, target));
    }
    // a text attribute the requirements name and the data lacks is an incident naming it
    // (asynchronous step)
    Map<String, Object> profile =
        DatasetProfiler.profile(data, target, recorded.textSettings().attributeNames());
    SingleAttributeSkill skill =
        SingleAttributeSkill.measure(
            data, target, recorded.folds(), recorded.seed(), thresholds.maxRows());
    Map<String, Object> leakage = new LinkedHashMap<>();
    leakage.put("measure", skill.measure());
    leakage.put("reference", skill.reference());
    leakage.put("referenceSkill", skill.referenceSkill());
    leakage.put("rows", skill.rows());
    leakage.put("folds", recorded.folds());
    leakage.put("seed", recorded.seed());
    leakage.putAll(thresholds.asMap());
    profile.put("leakage", leakage);
    for (Object entry : (List<?>) profile.get("attributes")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> attribute = (Map<String, Object>) entry;
      String name = String.valueOf(attribute.get("name"));
      if (skill.alone().containsKey(name)) {
        attribute.put("aloneSkill", skill.alone().get(name));
        double share = skill.share(name);
        if (!Double.isNaN(share)) {
          attribute.put("aloneShare", Math.round(share * 1000) / 1000.0);
        }
      }
    }
    datasets.addProfile(datasetId, target, profile);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("datasetRows", data.numInstances());
    variables.put("datasetRowsWithMissingValues", profile.get("rowsWithMissingValues"));
    variables.put("datasetProfile", JsonVariables.of(profile));
    return variables;
  }
}
