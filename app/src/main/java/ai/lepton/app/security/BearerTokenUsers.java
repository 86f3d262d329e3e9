package ai.lepton.app.security;

import ai.lepton.access.EngineIdentity;
import ai.lepton.access.ShortMemory;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * A machine's bearer token (a JWT the configured issuer signed, checked by Spring Security's
 * resource server: key, expiry, issuer and audience when set) as a Lepton user: the token's subject
 * (or the claim {@code lepton.security.jwt.user-claim}) must be a user in Camunda's identity
 * service, and what that user may do comes from Camunda's groups, never from the token's own
 * claims, so a token cannot grant itself a right. The user's groups and tenants are looked up again
 * after {@code lepton.security.recheck-after}.
 */
@Component
public class BearerTokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

  private final IdentityService identity;
  private final String userClaim;
  private final ShortMemory<String, EngineIdentity> known;

  public BearerTokenUsers(
      IdentityService identity,
      @Value("${lepton.security.jwt.user-claim:sub}") String userClaim,
      @Value("${lepton.security.recheck-after:PT10S}") Duration recheckAfter) {
    this.identity = identity;
    this.userClaim = userClaim;
    this.known = new ShortMemory<>(recheckAfter);
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt token) {
    String user = token.getClaimAsString(userClaim);
    if (user == null || user.isBlank()) {
      throw new BadCredentialsException("The token names no user (claim '" + userClaim + "')");
    }
    EngineIdentity found = find(user);
    UsernamePasswordAuthenticationToken authenticated =
        UsernamePasswordAuthenticationToken.authenticated(
            found,
            null,
            found.groupIds().stream()
                .map(id -> new SimpleGrantedAuthority("GROUP_" + id))
                .toList());
    authenticated.setDetails(
        Map.of(
            "tokenId", String.valueOf(token.getId()), "issuer", String.valueOf(token.getIssuer())));
    return authenticated;
  }

  private EngineIdentity find(String user) {
    EngineIdentity cached = known.get(user);
    if (cached != null) {
      return cached;
    }
    if (identity.createUserQuery().userId(user).count() != 1) {
      throw new BadCredentialsException(
          "The token's user '"
              + user
              + "' is not a Lepton user: create it in"
              + " Camunda Admin and put it in the groups whose rights it needs");
    }
    EngineIdentity found = EngineIdentity.lookUp(identity, user);
    known.put(user, found);
    return found;
  }
}
