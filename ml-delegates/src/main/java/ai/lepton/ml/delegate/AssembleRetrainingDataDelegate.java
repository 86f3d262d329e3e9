package ai.lepton.ml.delegate;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.RowValues;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.monitoring.MonitoringDataInbox;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The data a model is retrained on: the client data its live version was trained from (before
 * preparation, so the quality gate and the preparation run again on the whole) plus the labelled
 * rows that came since it went live — the rows of monitoring datasets that carry the target, and
 * the decisions whose true outcome was recorded (their features with the outcome as the target).
 * Stored as a new dataset ({@code datasetId}, {@code datasetSha256}) whose recipe names every
 * source. The training round moves on either way. {@code retrainingRows} is 0 when nothing new is
 * labelled: the engagement then waits for new data from the client instead of training on what it
 * already had.
 */
@Component(ProcessBeans.ASSEMBLE_RETRAINING_DATA)
public class AssembleRetrainingDataDelegate implements JavaDelegate {

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final MonitoringDataInbox inbox;
  private final DecisionLog decisions;
  private final AuditTrail audit;

  public AssembleRetrainingDataDelegate(
      ModelRegistry registry,
      DatasetStore datasets,
      MonitoringDataInbox inbox,
      DecisionLog decisions,
      AuditTrail audit) {
    this.registry = registry;
    this.datasets = datasets;
    this.inbox = inbox;
    this.decisions = decisions;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ModelVersion version =
        registry.get(RequiredVariables.string(execution, ProcessVariables.MODEL_VERSION_ID));
    StoredDataset prepared = datasets.get(version.datasetId());
    StoredDataset base =
        prepared.derivedFrom() == null ? prepared : datasets.get(prepared.derivedFrom());
    Instances data = datasets.load(base.id());
    Instant since = registry.deployedSince(version.id()).orElse(version.createdAt());
    int[] unknownLabels = {0};

    List<String> monitoringData = inbox.since(execution.getProcessBusinessKey(), since);
    int fromDatasets = 0;
    for (String datasetId : monitoringData) {
      Instances received = datasets.load(datasetId);
      Attribute label = received.attribute(version.targetAttribute());
      if (label == null) {
        continue;
      }
      for (int r = 0; r < received.numInstances(); r++) {
        if (!received.instance(r).isMissing(label)) {
          data.add(row(data, RowValues.of(received, received.instance(r)), unknownLabels));
          fromDatasets++;
        }
      }
    }
    int fromDecisions = 0;
    for (DecisionLog.LabelledFeatures labelled : decisions.labelledSince(version.id(), since)) {
      Map<String, Object> features = new HashMap<>(labelled.features());
      features.put(version.targetAttribute(), labelled.actual());
      data.add(row(data, features, unknownLabels));
      fromDecisions++;
    }

    int added = fromDatasets + fromDecisions;
    execution.setVariable(ProcessVariables.RETRAINING_ROWS, added);
    Object round = execution.getVariable(ProcessVariables.TRAINING_ROUND);
    execution.setVariable(
        ProcessVariables.TRAINING_ROUND, (round instanceof Number n ? n.intValue() : 1) + 1);
    if (added == 0) {
      return;
    }
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step", "append labelled rows for retraining");
    step.put("retrainedVersion", version.id());
    step.put("baseDataset", base.id());
    step.put("since", since.toString());
    step.put("monitoringDatasets", monitoringData);
    step.put("rowsFromMonitoringData", fromDatasets);
    step.put("rowsFromDecisionOutcomes", fromDecisions);
    step.put("valuesUnknownToTheBaseDataSetMissing", unknownLabels[0]);
    StoredDataset stored =
        datasets.storeRetraining(execution.getProcessBusinessKey(), base, data, List.of(step));
    execution.setVariable(ProcessVariables.DATASET_ID, stored.id());
    execution.setVariable(ProcessVariables.DATASET_SHA256, stored.sha256());
    execution.setVariable(ProcessVariables.RETRAINED_FROM, version.id());
    Map<String, Object> payload = new LinkedHashMap<>(step);
    payload.put("engagement", execution.getProcessBusinessKey());
    payload.put("datasetSha256", stored.sha256());
    payload.put("rows", stored.rows());
    audit.append(
        ModelRegistry.SYSTEM, "RETRAINING_DATA_ASSEMBLED", "dataset", stored.id(), payload);
  }

  /**
   * A row in the base data's shape; a label the base data does not know becomes a missing value
   * (counted), and so does a number that is not one.
   */
  private static Instance row(Instances data, Map<String, Object> features, int[] unknownLabels) {
    return RowValues.toRow(
        data,
        features,
        -1,
        new java.util.ArrayList<>(),
        (attribute, value, why) -> {
          if (why == RowValues.Unreadable.UNKNOWN_LABEL) {
            unknownLabels[0]++;
          }
          return Utils.missingValue();
        });
  }
}
