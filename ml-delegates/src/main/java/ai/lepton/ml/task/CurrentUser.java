package ai.lepton.ml.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user the engine is acting for in this call (Tasklist, REST), or null when no one is logged in. */
final class CurrentUser {

  private CurrentUser() {}

  static String of(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
