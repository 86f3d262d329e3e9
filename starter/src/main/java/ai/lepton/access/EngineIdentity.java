package ai.lepton.access;

import java.security.Principal;
import java.util.List;

/**
 * Who a login found, as the engine needs it: the user and the user's Camunda groups and tenants. A login that gives
 * this as its principal spares {@link CamundaAuthenticationFilter} asking the identity service again on each call.
 */
public record EngineIdentity(String userId, List<String> groupIds, List<String> tenantIds) implements Principal {

  public EngineIdentity {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  @Override
  public String getName() {
    return userId;
  }
}
