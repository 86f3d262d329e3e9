package ai.lepton.app.demo;

import ai.lepton.access.LeptonGroups;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo user per Lepton group, created on first start of the demo configuration; every start
 * warns that they exist.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "lepton.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
public class DemoUsers implements ApplicationRunner {

  /** user id → [group, first name, last name]. */
  static final Map<String, String[]> USERS = new LinkedHashMap<>();

  static {
    USERS.put("demo", new String[] {LeptonGroups.ADMIN, "Demo", "Administrator"});
    USERS.put("pm", new String[] {LeptonGroups.PROJECT_MANAGERS, "Demo", "Project Manager"});
    USERS.put("ds", new String[] {LeptonGroups.DATA_SCIENTISTS, "Demo", "Data Scientist"});
    USERS.put("mro", new String[] {LeptonGroups.MODEL_RISK_OFFICERS, "Demo", "Model Risk Officer"});
    USERS.put("auditor", new String[] {LeptonGroups.AUDITORS, "Demo", "Auditor"});
    USERS.put("co", new String[] {LeptonGroups.CREDIT_OFFICERS, "Demo", "Credit Officer"});
    USERS.put("am", new String[] {LeptonGroups.ACCOUNT_MANAGERS, "Demo", "Account Manager"});
    USERS.put("ra", new String[] {LeptonGroups.RISK_ANALYSTS, "Demo", "Risk Analyst"});
  }

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;
  private final DemoProperties properties;

  public DemoUsers(IdentityService identity, DemoProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    LOG.warn(
        "DEMO USERS ARE ACTIVE: {} (administrator: demo); their passwords are the README's unless"
            + " LEPTON_DEMO_PASSWORD_<USER> set others. For a real installation start with LEPTON_DEMO=false and"
            + " LEPTON_ADMIN_PASSWORD.",
        String.join(", ", USERS.keySet()));
    USERS.forEach(
        (id, details) -> {
          if (identity.createUserQuery().userId(id).count() > 0) {
            return;
          }
          User user = identity.newUser(id);
          user.setFirstName(details[1]);
          user.setLastName(details[2]);
          user.setEmail(id + "@lepton.example");
          user.setPassword(properties.passwords().getOrDefault(id, id));
          identity.saveUser(user);
          identity.createMembership(id, details[0]);
        });
  }
}
