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
 * Ends the challenger's trial on the decision a model risk officer recorded at *Decide on
 * challenger* ({@link ModelRegistry#settleChallenger}): promoted, it goes live in place of the
 * champion (its bytes checked against its approval first) and the engagement maintains it from now
 * on ({@code modelVersionId}); not, it is retired. Without such a decision on record it fails: an
 * incident, nothing changed.
 */
@Component(ProcessBeans.SETTLE_CHALLENGER)
public class SettleChallengerDelegate implements JavaDelegate {

  private final ModelRegistry registry;
  private final DeployedModels deployedModels;
  private final ApprovedModelBytes approvedBytes;
  private final RequirementsRecord requirements;

  public SettleChallengerDelegate(
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
    String modelName = requirements.of(execution.getProcessBusinessKey()).modelName();
    List<String> onTrial = registry.challengersUnder(modelName);
    if (onTrial.isEmpty()) {
      throw new ModelTransitionRefusedException("No challenger of '" + modelName + "' is on trial");
    }
    approvedBytes.require(registry.get(onTrial.get(0)));
    ModelVersion live =
        registry.settleChallenger(execution.getProcessBusinessKey(), onTrial.get(0));
    deployedModels.refresh(modelName);
    boolean promoted = live != null && live.id().equals(onTrial.get(0));
    execution.setVariable(ProcessVariables.CHALLENGER_PROMOTED, promoted);
    if (live != null) {
      execution.setVariable(ProcessVariables.MODEL_VERSION_ID, live.id());
    }
  }
}
