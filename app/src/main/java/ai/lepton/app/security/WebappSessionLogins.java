package ai.lepton.app.security;

import ai.lepton.access.EngineIdentity;
import ai.lepton.access.ShortMemory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Lepton's Cockpit plugin read Lepton's API as the user who is logged into Camunda's webapps,
 * and nothing more: a {@code GET} or {@code HEAD} on {@code /api/**} without credentials of its
 * own, on a session in which the webapps logged a user into this engine, and carrying that
 * session's CSRF token in {@code X-XSRF-TOKEN} (which a page of another site cannot send). Every
 * other call still needs HTTP Basic or a bearer token; a session never changes anything. The user's
 * groups come from Camunda's identity service, not from the session (so a user removed from a
 * group, or deleted, loses the rights within {@code lepton.security.recheck-after}).
 */
public class WebappSessionLogins extends OncePerRequestFilter {

  private final IdentityService identity;
  private final String engineName;
  private final ShortMemory<String, EngineIdentity> known;

  public WebappSessionLogins(IdentityService identity, String engineName, Duration recheckAfter) {
    this.identity = identity;
    this.engineName = engineName;
    this.known = new ShortMemory<>(recheckAfter);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("GET".equals(method) || "HEAD".equals(method))
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EngineIdentity user = webappUser(request);
    if (user == null || SecurityContextHolder.getContext().getAuthentication() != null) {
      chain.doFilter(request, response);
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user,
            null,
            user.groupIds().stream()
                .map(id -> new SimpleGrantedAuthority("GROUP_" + id))
                .toList()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private EngineIdentity webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (!(token instanceof String expected)
        || sent == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    org.camunda.bpm.webapp.impl.security.auth.Authentication login =
        logins == null ? null : logins.getAuthenticationForProcessEngine(engineName);
    if (login == null || login.getIdentityId() == null) {
      return null;
    }
    String userId = login.getIdentityId();
    EngineIdentity found = known.get(userId);
    if (found == null) {
      if (identity.createUserQuery().userId(userId).count() != 1) {
        return null;
      }
      found = EngineIdentity.lookUp(identity, userId);
      known.put(userId, found);
    }
    return found;
  }
}
