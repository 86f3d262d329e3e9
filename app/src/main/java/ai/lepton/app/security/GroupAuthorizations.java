package ai.lepton.app.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates Lepton's groups and their Camunda authorizations on start where they are missing. Tasks are granted by
 * candidate group (Camunda adds those grants itself); what is granted here is seeing and, for those who run
 * engagements, starting and feeding them. Auditors and risk officers read; only admins administer.
 */
@Component
@Order(1)
public class GroupAuthorizations implements ApplicationRunner {

  private static final Permission[] READ_ENGAGEMENTS = {
      Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY};
  private static final Permission[] RUN_ENGAGEMENTS = {
      Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE,
      Permissions.UPDATE_INSTANCE};

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public GroupAuthorizations(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    LeptonGroups.NAMES.forEach(this::ensureGroup);
    for (Resources resource : Resources.values()) {
      grant(LeptonGroups.ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String group : List.of(LeptonGroups.PROJECT_MANAGERS, LeptonGroups.DATA_SCIENTISTS)) {
      grantCommon(group, "cockpit", "tasklist");
      grant(group, Resources.PROCESS_DEFINITION, ANY, RUN_ENGAGEMENTS);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ);
    }
    grantCommon(LeptonGroups.MODEL_RISK_OFFICERS, "cockpit", "tasklist");
    grant(LeptonGroups.MODEL_RISK_OFFICERS, Resources.PROCESS_DEFINITION, ANY, READ_ENGAGEMENTS);
    grant(LeptonGroups.MODEL_RISK_OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    for (String group : List.of(LeptonGroups.CREDIT_OFFICERS, LeptonGroups.ACCOUNT_MANAGERS)) {
      grantCommon(group, "tasklist");
      grant(group, Resources.PROCESS_DEFINITION, ANY, READ_ENGAGEMENTS);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    }
    grantCommon(LeptonGroups.AUDITORS, "cockpit");
    grant(LeptonGroups.AUDITORS, Resources.PROCESS_DEFINITION, ANY, READ_ENGAGEMENTS);
    grant(LeptonGroups.AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(LeptonGroups.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
  }

  private void grantCommon(String group, String... applications) {
    for (String application : applications) {
      grant(group, Resources.APPLICATION, application, Permissions.ACCESS);
    }
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(group, Resources.TASK, ANY, Permissions.READ);
    grant(group, Resources.FILTER, ANY, Permissions.READ);
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(id.equals(LeptonGroups.ADMIN) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
