package ai.lepton.app.security;

import ai.lepton.access.EngineIdentity;
import ai.lepton.access.ShortMemory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Logins that succeeded in the last {@code recheck-after}, per user: the identity they found and an
 * HMAC of the password under a key drawn when this node starts (the password itself is not kept). A
 * login with the same password within that time is the same login; anything else is checked against
 * Camunda again. Zero remembers nothing.
 */
final class RecentLogins {

  private record Login(byte[] passwordMac, EngineIdentity identity) {}

  private final SecretKeySpec key;
  private final ShortMemory<String, Login> logins;

  RecentLogins(Duration recheckAfter) {
    this.logins = new ShortMemory<>(recheckAfter);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  EngineIdentity find(String user, String password) {
    Login login = logins.get(user);
    return login != null && MessageDigest.isEqual(login.passwordMac(), mac(password))
        ? login.identity()
        : null;
  }

  void remember(String user, String password, EngineIdentity identity) {
    logins.put(user, new Login(mac(password), identity));
  }

  void forget(String user) {
    logins.forget(user);
  }

  private byte[] mac(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
