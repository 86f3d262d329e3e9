package ai.lepton.app.security;

import ai.lepton.access.LeptonGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A real installation ({@code LEPTON_DEMO=false}) has no demo users, so its first administrator
 * comes from the environment: {@code LEPTON_ADMIN_USER} (default {@code admin}) with {@code
 * LEPTON_ADMIN_PASSWORD}, created on the first start. Without a password of at least 12 characters
 * Lepton refuses to start rather than run with no way in, or a guessable one.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "lepton.demo.enabled", havingValue = "false")
public class AdministratorAccount implements ApplicationRunner {

  static final int MIN_PASSWORD_LENGTH = 12;

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorAccount.class);

  private final IdentityService identity;
  private final String userId;
  private final String password;

  public AdministratorAccount(
      IdentityService identity,
      @Value("${lepton.admin.user:admin}") String userId,
      @Value("${lepton.admin.password:}") String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "Lepton is started without demo users (LEPTON_DEMO=false) and needs its"
              + " administrator's password: set LEPTON_ADMIN_PASSWORD (at least "
              + MIN_PASSWORD_LENGTH
              + " characters; LEPTON_ADMIN_USER names the user, default 'admin')");
    }
    this.identity = identity;
    this.userId = userId;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.createUserQuery().userId(userId).count() > 0) {
      return;
    }
    User user = identity.newUser(userId);
    user.setFirstName("Lepton");
    user.setLastName("Administrator");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(userId, LeptonGroups.ADMIN);
    LOG.info(
        "Created the administrator '{}' from LEPTON_ADMIN_USER / LEPTON_ADMIN_PASSWORD", userId);
  }
}
