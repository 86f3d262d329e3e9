package ai.lepton.ml.delegate;

import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.ApprovedModelBytes;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelTransitionRefusedException;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the previously deployed version of the engagement's model back live, on the rollback a risk
 * officer confirmed at *Confirm rollback* (a row of the registry, {@link ModelRegistry#rollBack}):
 * the live version is RETIRED and the previous one DEPLOYED again, each by that officer, its bytes
 * checked against its approval first, and the scoring cache refreshed so the next decision uses it.
 * Without a confirmation on record it fails: an incident, nothing changed. The engagement then
 * monitors the restored version ({@code modelVersionId}); {@code rolledBackFrom} names the one it
 * replaced.
 */
@Component(ProcessBeans.ROLL_BACK_MODEL)
public class RollBackModelDelegate implements JavaDelegate {

  private final ModelRegistry registry;
  private final DeployedModels deployedModels;
  private final ApprovedModelBytes approvedBytes;
  private final RequirementsRecord requirements;

  public RollBackModelDelegate(
      ModelRegistry registry,
      DeployedModels deployedModels,
      ApprovedModelBytes approvedBytes,
      RequirementsRecord requirements) {
    this.registry = registry;
    this.deployedModels = deployedModels;
    this.approvedBytes = approvedBytes;
    this.requirements = requirements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    String modelName = requirements.of(execution.getProcessBusinessKey()).modelName();
    List<String> live = registry.deployedUnder(modelName);
    if (live.size() != 1) {
      throw new ModelTransitionRefusedException(
          "Model '"
              + modelName
              + "' has "
              + live.size()
              + " live versions; a rollback needs exactly one");
    }
    registry.previouslyDeployed(live.get(0)).ifPresent(approvedBytes::require);
    ModelVersion restored = registry.rollBack(key, live.get(0));
    deployedModels.refresh(modelName);
    execution.setVariable(ProcessVariables.ROLLED_BACK_FROM, live.get(0));
    execution.setVariable(ProcessVariables.MODEL_VERSION_ID, restored.id());
  }
}
