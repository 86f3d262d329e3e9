package ai.lepton.ml.delegate;

import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.DeployedModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the approved model version live under its model name and retires the version it replaces. */
@Component("deployModel")
public class DeployModelDelegate implements JavaDelegate {

  private final ModelRegistry registry;
  private final DeployedModels deployedModels;
  private final ApprovedModelBytes approvedBytes;

  public DeployModelDelegate(ModelRegistry registry, DeployedModels deployedModels, ApprovedModelBytes approvedBytes) {
    this.registry = registry;
    this.deployedModels = deployedModels;
    this.approvedBytes = approvedBytes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ModelVersion version = registry.get(RequiredVariables.string(execution, "modelVersionId"));
    ModelStatus status = registry.currentStatus(version.id());
    if (status != ModelStatus.APPROVED) {
      throw new IllegalStateException(String.format(
          "Model version %s is %s: only an APPROVED version can be deployed", version.id(), status));
    }
    approvedBytes.require(version);
    String approver = (String) execution.getVariable("approvedBy");
    for (String live : registry.deployedUnder(version.modelName())) {
      registry.changeStatus(live, ModelStatus.RETIRED, approver,
          "replaced by " + version.id() + " (engagement " + version.engagementKey() + ")");
    }
    registry.changeStatus(version.id(), ModelStatus.DEPLOYED, approver,
        "deployed as '" + version.modelName() + "' by engagement " + version.engagementKey());
    deployedModels.refresh(version.modelName());
  }
}
