package ai.lepton.api;

import ai.lepton.access.ShortMemory;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.process.ProcessKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether a user, in the groups the login gave, may start instances of a process: Camunda's own
 * answer (CREATE on process instances and CREATE_INSTANCE on the definition, the two rights the
 * engine checks when it starts one), asked again after {@code lepton.security.recheck-after}
 * (default 10 s) for each user, groups and process. A straight-through call asks here once instead
 * of the engine asking the authorization table on every start: a right an administrator takes away
 * stops working on this node within that time.
 */
@Component
public class ProcessStartRights {

  private record Asked(String user, List<String> groups, String processKey) {}

  private final AuthorizationService authorizations;
  private final ProcessEngineConfiguration engine;
  private final AuditTrail audit;
  private final ShortMemory<Asked, Boolean> answers;

  public ProcessStartRights(
      AuthorizationService authorizations,
      ProcessEngineConfiguration engine,
      AuditTrail audit,
      @Value("${lepton.security.recheck-after:PT10S}") Duration recheckAfter) {
    this.authorizations = authorizations;
    this.engine = engine;
    this.audit = audit;
    this.answers = new ShortMemory<>(recheckAfter);
  }

  /**
   * A decision needs the rights to start {@code model-decision}, whether one record or a batch:
   * else a 403 and an AUTHORIZATION_REFUSED audit entry naming the call.
   */
  void requireDecisionRight(Authentication user, String call, String path) {
    if (!mayStart(user, ProcessKey.MODEL_DECISION.key())) {
      String why =
          "Decisions are made by the groups that may start the model-decision process; "
              + (user == null ? "nobody is logged in" : user.getUserId() + " may not");
      audit.refusal(user == null ? null : user.getUserId(), "path", path, call, why, Map.of());
      throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", why);
    }
  }

  public boolean mayStart(Authentication user, String processKey) {
    if (!engine.isAuthorizationEnabled()) {
      return true;
    }
    if (user == null) {
      return false;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
    Asked asked = new Asked(user.getUserId(), groups, processKey);
    Boolean allowed = answers.get(asked);
    if (allowed == null) {
      allowed =
          authorizations.isUserAuthorized(
                  user.getUserId(), groups, Permissions.CREATE, Resources.PROCESS_INSTANCE)
              && authorizations.isUserAuthorized(
                  user.getUserId(),
                  groups,
                  Permissions.CREATE_INSTANCE,
                  Resources.PROCESS_DEFINITION,
                  processKey);
      answers.put(asked, allowed);
    }
    return allowed;
  }
}
