package ai.lepton.ml.delegate;

import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ApprovedModelBytes;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelTransitionRefusedException;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the engagement's approved model version live under its model name and retires the version it
 * replaces (and a challenger on trial under that name), or, when the approval said so, puts it on
 * trial as a challenger beside the live version, which stays live and is the one the engagement
 * maintains ({@code modelVersionId}). It acts only on an approval the approval step recorded for
 * this engagement (the version and the approver come from that row, not from variables); without
 * one it fails, which is an incident on the step.
 */
@Component(ProcessBeans.DEPLOY_MODEL)
public class DeployModelDelegate implements JavaDelegate {

  private final ModelRegistry registry;
  private final DeployedModels deployedModels;
  private final ApprovedModelBytes approvedBytes;

  public DeployModelDelegate(
      ModelRegistry registry, DeployedModels deployedModels, ApprovedModelBytes approvedBytes) {
    this.registry = registry;
    this.deployedModels = deployedModels;
    this.approvedBytes = approvedBytes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    Approval approval =
        registry
            .approvalAwaitingDeployment(key)
            .orElseThrow(
                () ->
                    new ModelTransitionRefusedException(
                        "Engagement "
                            + key
                            + " has no approved model version awaiting"
                            + " deployment in the registry: nothing is deployed without a recorded approval"));
    ModelVersion version = registry.get(approval.modelVersionId());
    approvedBytes.require(version);
    if (approval.deploysAsChallenger()) {
      registry.changeStatus(
          version.id(),
          ModelStatus.CHALLENGER,
          approval.approver(),
          "on trial beside '"
              + version.modelName()
              + "' by engagement "
              + key
              + ", approved at task "
              + approval.taskId());
      deployedModels.refresh(version.modelName());
      // the engagement goes on maintaining the live version; the trial runs beside it
      execution.setVariable(
          ProcessVariables.MODEL_VERSION_ID, registry.deployedUnder(version.modelName()).get(0));
      return;
    }
    for (String challenger : registry.challengersUnder(version.modelName())) {
      registry.changeStatus(
          challenger,
          ModelStatus.RETIRED,
          approval.approver(),
          "trial ended: " + version.id() + " deployed as the champion (engagement " + key + ")");
    }
    for (String live : registry.deployedUnder(version.modelName())) {
      registry.changeStatus(
          live,
          ModelStatus.RETIRED,
          approval.approver(),
          "replaced by " + version.id() + " (engagement " + key + ")");
    }
    registry.changeStatus(
        version.id(),
        ModelStatus.DEPLOYED,
        approval.approver(),
        "deployed as '"
            + version.modelName()
            + "' by engagement "
            + key
            + ", approved at task "
            + approval.taskId());
    deployedModels.refresh(version.modelName());
    execution.setVariable(ProcessVariables.MODEL_VERSION_ID, version.id());
  }
}
