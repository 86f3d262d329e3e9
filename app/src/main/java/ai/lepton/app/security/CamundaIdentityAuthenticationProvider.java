package ai.lepton.app.security;

import ai.lepton.access.EngineIdentity;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's users (so its login throttling applies) and
 * grants the user's Camunda groups as authorities {@code GROUP_<id>}, with the user, groups and
 * tenants as the principal ({@link EngineIdentity}). A login that succeeded is remembered for
 * {@code lepton.security.recheck-after} (default 10 s; {@link RecentLogins}): a machine calling
 * many times a second is not hashed and looked up each time. A wrong password always goes to
 * Camunda.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final RecentLogins recent;

  public CamundaIdentityAuthenticationProvider(
      IdentityService identity,
      @Value("${lepton.security.recheck-after:PT10S}") Duration recheckAfter) {
    this.identity = identity;
    this.recent = new RecentLogins(recheckAfter);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user == null || password == null) {
      throw wrong();
    }
    EngineIdentity known = recent.find(user, password.toString());
    if (known == null) {
      if (!identity.checkPassword(user, password.toString())) {
        recent.forget(user);
        throw wrong();
      }
      known = EngineIdentity.lookUp(identity, user);
      recent.remember(user, password.toString(), known);
    }
    return UsernamePasswordAuthenticationToken.authenticated(
        known,
        null,
        known.groupIds().stream().map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList());
  }

  private static BadCredentialsException wrong() {
    return new BadCredentialsException(
        "Wrong user name or password, or the user is locked after too many attempts");
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
