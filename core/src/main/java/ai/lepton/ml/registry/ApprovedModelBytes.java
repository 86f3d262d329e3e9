package ai.lepton.ml.registry;

import ai.lepton.ml.Sha256;
import ai.lepton.ml.audit.AuditTrail;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An approval is bound to the model's SHA-256: before a version goes live (deployed, or restored by
 * a rollback) its stored bytes must still hash to what was registered and to what the approver saw.
 * Otherwise it does not go live (an incident on the step) and the refusal is audited.
 */
@Component
public class ApprovedModelBytes {

  private final ModelRegistry registry;
  private final AuditTrail audit;

  public ApprovedModelBytes(ModelRegistry registry, AuditTrail audit) {
    this.registry = registry;
    this.audit = audit;
  }

  public void require(ModelVersion version) {
    String actual = Sha256.hex(registry.modelFile(version.id()));
    Object approved =
        registry.approvalsOf(version.id()).stream()
            .filter(Approval::approved)
            .reduce((first, second) -> second)
            .map(a -> a.evidence().get("modelSha256"))
            .orElse(null);
    if (actual.equals(version.modelSha256()) && actual.equals(approved)) {
      return;
    }
    String why =
        String.format(
            "Model version %s is not deployed: its stored file has SHA-256 %s, but %s was"
                + " registered and %s approved",
            version.id(), actual, version.modelSha256(), approved);
    audit.appendRegardless(
        ModelRegistry.SYSTEM,
        "DEPLOYMENT_REFUSED",
        "model",
        version.id(),
        Map.of("reason", why, "engagement", version.engagementKey()));
    throw new ModelIntegrityException(why);
  }
}
