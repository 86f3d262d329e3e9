package ai.lepton.ml.delegate;

import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.DeployedModels;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the previously deployed version of the model back live, once a risk officer confirmed it: the current
 * version is RETIRED and the previous one DEPLOYED again (each change audited by the registry), its bytes checked
 * against its approval first, and the scoring cache refreshed so the next decision uses it. The engagement then
 * monitors the restored version ({@code modelVersionId}); {@code rolledBackFrom} names the one it replaced.
 */
@Component("rollBackModel")
public class RollBackModelDelegate implements JavaDelegate {

  private final ModelRegistry registry;
  private final DeployedModels deployedModels;
  private final ApprovedModelBytes approvedBytes;

  public RollBackModelDelegate(ModelRegistry registry, DeployedModels deployedModels,
      ApprovedModelBytes approvedBytes) {
    this.registry = registry;
    this.deployedModels = deployedModels;
    this.approvedBytes = approvedBytes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ModelVersion current = registry.get(RequiredVariables.string(execution, "modelVersionId"));
    ModelVersion previous = registry.previouslyDeployed(current.id()).orElseThrow(() -> new IllegalStateException(
        "Model '" + current.modelName() + "' has no earlier deployed version to roll back to from " + current.id()));
    approvedBytes.require(previous);
    String officer = Objects.toString(execution.getVariable("rollbackConfirmedBy"), ModelRegistry.SYSTEM);
    String reason = Objects.toString(execution.getVariable("rollbackReason"), "");
    if (registry.currentStatus(current.id()) == ModelStatus.DEPLOYED) {
      registry.changeStatus(current.id(), ModelStatus.RETIRED, officer,
          "rolled back to " + previous.id() + " (engagement " + execution.getProcessBusinessKey() + "): " + reason);
    }
    registry.changeStatus(previous.id(), ModelStatus.DEPLOYED, officer,
        "restored by rollback from " + current.id() + " (engagement " + execution.getProcessBusinessKey() + "): "
            + reason);
    deployedModels.refresh(current.modelName());
    execution.setVariable("rolledBackFrom", current.id());
    execution.setVariable("modelVersionId", previous.id());
  }
}
