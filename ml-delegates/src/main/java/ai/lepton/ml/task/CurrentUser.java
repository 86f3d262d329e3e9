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

  /** The groups the engine knows the current user by (none when nobody is logged in). */
  static java.util.List<String> groups(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? java.util.List.of()
        : authentication.getGroupIds();
  }
}
