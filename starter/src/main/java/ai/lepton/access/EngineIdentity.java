package ai.lepton.access;

import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * Who a login found, as the engine needs it: the user and the user's Camunda groups and tenants. A
 * login that gives this as its principal spares {@link CamundaAuthenticationFilter} asking the
 * identity service again on each call.
 */
public record EngineIdentity(String userId, List<String> groupIds, List<String> tenantIds)
    implements Principal {

  public EngineIdentity {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  @Override
  public String getName() {
    return userId;
  }

  /** The user's groups and tenants as Camunda's identity service has them now. */
  public static EngineIdentity lookUp(IdentityService identity, String userId) {
    return new EngineIdentity(
        userId,
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList());
  }
}
