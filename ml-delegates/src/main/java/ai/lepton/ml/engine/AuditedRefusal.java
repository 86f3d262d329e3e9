package ai.lepton.ml.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A refusal whose AUTHORIZATION_REFUSED entry is already in the audit trail (so no one records it
 * twice).
 */
public class AuditedRefusal extends AuthorizationException {

  public AuditedRefusal(String message) {
    super(message);
  }
}
