package ai.lepton.ml.delegate;

import ai.lepton.ml.Sha256;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ModelIntegrityException;
import ai.lepton.ml.registry.ModelRegistry;
import java.util.Map;
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
  private final AuditTrail audit;

  /**
   * The approval is bound to the model's SHA-256: the stored bytes must still hash to what was registered and to
   * what the approver saw. Otherwise the deployment fails (an incident on Deploy model) and the refusal is audited.
   */
  private void requireApprovedBytes(ModelVersion version) {
    String actual = Sha256.hex(registry.modelFile(version.id()));
    Object approved = registry.approvalsOf(version.id()).stream().filter(Approval::approved)
        .reduce((first, second) -> second).map(a -> a.evidence().get("modelSha256")).orElse(null);
    if (actual.equals(version.modelSha256()) && actual.equals(approved)) {
      return;
    }
    String why = String.format("Model version %s is not deployed: its stored file has SHA-256 %s, but %s was"
        + " registered and %s approved", version.id(), actual, version.modelSha256(), approved);
    audit.appendRegardless(ModelRegistry.SYSTEM, "DEPLOYMENT_REFUSED", "model", version.id(),
        Map.of("reason", why, "engagement", version.engagementKey()));
    throw new ModelIntegrityException(why);
  }

  public DeployModelDelegate(ModelRegistry registry, DeployedModels deployedModels, AuditTrail audit) {
    this.registry = registry;
    this.deployedModels = deployedModels;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ModelVersion version = registry.get(RequiredVariables.string(execution, "modelVersionId"));
    ModelStatus status = registry.currentStatus(version.id());
    if (status != ModelStatus.APPROVED) {
      throw new IllegalStateException(String.format(
          "Model version %s is %s: only an APPROVED version can be deployed", version.id(), status));
    }
    requireApprovedBytes(version);
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
