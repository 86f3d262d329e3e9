package ai.lepton.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security authenticated to the engine for the rest of the request, so
 * Camunda's authorizations and Lepton's listeners see who acts and in which groups: the {@link
 * EngineIdentity} the login found (Lepton's own login gives one), else the user's {@code
 * GROUP_<id>} authorities, else the user's groups in Camunda's identity service.
 */
public class CamundaAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  public CamundaAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication.getName() == null) {
      chain.doFilter(request, response);
      return;
    }
    String user = authentication.getName();
    org.camunda.bpm.engine.impl.identity.Authentication current =
        identity.getCurrentAuthentication();
    if (current != null && user.equals(current.getUserId())) {
      chain.doFilter(
          request, response); // set for this request already, by a filter before this one
      return;
    }
    if (authentication.getPrincipal() instanceof EngineIdentity known
        && known.userId().equals(user)) {
      identity.setAuthentication(known.userId(), known.groupIds(), known.tenantIds());
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
      return;
    }
    List<String> groups =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("GROUP_"))
            .map(a -> a.substring("GROUP_".length()))
            .toList();
    if (groups.isEmpty()) {
      groups =
          identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
    List<String> tenants =
        identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList();
    identity.setAuthentication(user, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
