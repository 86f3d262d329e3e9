package ai.lepton.ml.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user the engine is acting for in this call (Tasklist, REST), or null when no one is logged
 * in.
 */
public final class CurrentUser {

  private CurrentUser() {}

  public static String of(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** Who started the task's process instance, from Camunda's history (not from any variable). */
  public static String startUserOf(DelegateTask task) {
    org.camunda.bpm.engine.impl.interceptor.CommandContext context =
        org.camunda.bpm.engine.impl.context.Context.getCommandContext();
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      org.camunda.bpm.engine.history.HistoricProcessInstance instance =
          task.getProcessEngineServices()
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceId(task.getProcessInstanceId())
              .singleResult();
      return instance == null ? null : instance.getStartUserId();
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }

  /** The groups the engine knows the current user by (none when nobody is logged in). */
  public static java.util.List<String> groups(DelegateTask task) {
    return groups(task.getProcessEngineServices().getIdentityService());
  }

  /**
   * The groups of the user the engine knows is acting, in a task listener or an API call (none:
   * nobody).
   */
  public static java.util.List<String> groups(org.camunda.bpm.engine.IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null
        ? java.util.List.of()
        : authentication.getGroupIds();
  }
}
