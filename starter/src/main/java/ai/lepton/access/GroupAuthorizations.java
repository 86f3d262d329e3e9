package ai.lepton.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import ai.lepton.process.ProcessKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lepton's groups and exactly the Camunda rights each has, set on every start ({@link #GRANTS}; the
 * same table is in {@code app/README.md} and a test holds the two equal). Nobody but administrators
 * may change an instance: no {@code UPDATE}, {@code UPDATE_INSTANCE}, {@code DELETE_INSTANCE},
 * {@code SUSPEND}, {@code RETRY_JOB} or {@code MIGRATE_INSTANCE} for any other group. Work on tasks
 * comes from candidate groups, with {@code TASK_WORK} only (claim and complete; {@code
 * defaultUserPermissionNameForTask} in {@code application.yaml}). A right given to these groups by
 * hand in Camunda Admin is taken away at the next start: the table is the policy.
 */
@ConditionalOnProperty(prefix = "lepton.authorizations", name = "enabled", matchIfMissing = true)
@Component
@Order(1)
public class GroupAuthorizations implements ApplicationRunner {

  /** One grant: a group's permissions on one resource (by id, or {@code *} for all). */
  public record Grant(
      String group, Resources resource, String resourceId, Permission... permissions) {
    public Set<String> permissionNames() {
      Set<String> names = new TreeSet<>();
      Arrays.stream(permissions).forEach(permission -> names.add(permission.getName()));
      return names;
    }
  }

  /**
   * Processes that people start: engagements, and the business processes that call model decisions.
   * Not rule-change: Lepton's API starts it once a version's scenarios pass; nor news-monitoring:
   * the news route starts it per item.
   */
  static final List<String> STARTED_BY_PEOPLE =
      java.util.Arrays.stream(ProcessKey.values())
          .filter(key -> key != ProcessKey.RULE_CHANGE && key != ProcessKey.NEWS_MONITORING)
          .map(ProcessKey::key)
          .toList();

  public static final List<Grant> GRANTS = grants();

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public GroupAuthorizations(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  private static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String group : List.of(LeptonGroups.PROJECT_MANAGERS, LeptonGroups.DATA_SCIENTISTS)) {
      readsAndWorksTasks(grants, group, "cockpit", "tasklist");
      for (String process : STARTED_BY_PEOPLE) {
        grants.add(new Grant(group, Resources.PROCESS_DEFINITION, process, CREATE_INSTANCE));
      }
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, CREATE, READ));
    }
    readsAndWorksTasks(grants, LeptonGroups.MODEL_RISK_OFFICERS, "cockpit", "tasklist");
    grants.add(new Grant(LeptonGroups.MODEL_RISK_OFFICERS, Resources.PROCESS_INSTANCE, ANY, READ));
    // Credit officers, account managers and risk analysts see their own business process only: its
    // instances, variables, history
    // and tasks; no engagement, client dataset or other process
    for (Map.Entry<String, String> own :
        Map.of(
                LeptonGroups.CREDIT_OFFICERS,
                ProcessKey.CREDIT_APPLICATION.key(),
                LeptonGroups.ACCOUNT_MANAGERS,
                ProcessKey.CUSTOMER_RETENTION.key(),
                LeptonGroups.RISK_ANALYSTS,
                ProcessKey.NEWS_MONITORING.key())
            .entrySet()) {
      grants.add(new Grant(own.getKey(), Resources.APPLICATION, "tasklist", ACCESS));
      grants.add(
          new Grant(
              own.getKey(),
              Resources.PROCESS_DEFINITION,
              own.getValue(),
              READ,
              READ_INSTANCE,
              READ_HISTORY,
              READ_TASK));
      grants.add(new Grant(own.getKey(), Resources.DEPLOYMENT, ANY, READ));
      grants.add(new Grant(own.getKey(), Resources.FILTER, ANY, READ));
    }
    readsAndWorksTasks(grants, LeptonGroups.AUDITORS, "cockpit");
    grants.add(new Grant(LeptonGroups.AUDITORS, Resources.PROCESS_INSTANCE, ANY, READ));
    grants.add(
        new Grant(LeptonGroups.AUDITORS, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY));
    // a standalone worker fetches and locks (READ_INSTANCE), extends locks and reports failures
    // (UPDATE_INSTANCE) of
    // ai-engagement's external tasks only; it hands results back through /api/training-tasks
    grants.add(
        new Grant(
            LeptonGroups.WORKERS,
            Resources.PROCESS_DEFINITION,
            "ai-engagement",
            READ,
            READ_INSTANCE,
            Permissions.UPDATE_INSTANCE));
    return List.copyOf(grants);
  }

  private static void readsAndWorksTasks(List<Grant> grants, String group, String... applications) {
    for (String application : applications) {
      grants.add(new Grant(group, Resources.APPLICATION, application, ACCESS));
    }
    grants.add(
        new Grant(group, Resources.PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY));
    grants.add(new Grant(group, Resources.DEPLOYMENT, ANY, READ));
    grants.add(new Grant(group, Resources.TASK, ANY, READ));
    grants.add(new Grant(group, Resources.FILTER, ANY, READ));
  }

  @Override
  public void run(ApplicationArguments args) {
    LeptonGroups.NAMES.forEach(this::ensureGroup);
    for (Resources resource : Resources.values()) {
      grant(new Grant(LeptonGroups.ADMIN, resource, ANY, Permissions.ALL));
    }
    GRANTS.forEach(this::grant);
    removeGrantsNotInTheTable();
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(id.equals(LeptonGroups.ADMIN) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  /** Creates the grant, or sets an existing one's permissions to exactly these. */
  private void grant(Grant grant) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(grant.group())
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .list()
            .stream()
            .findFirst()
            .orElseGet(() -> authorizations.createNewAuthorization(AUTH_TYPE_GRANT));
    authorization.setGroupId(grant.group());
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    authorization.setPermissions(new Permission[] {Permissions.NONE});
    for (Permission permission : grant.permissions()) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /**
   * Grants of Lepton's groups beyond the table (an older release's broader rights, or one added by
   * hand) go; the engine's own grants on single tasks (from candidate groups) stay.
   */
  private void removeGrantsNotInTheTable() {
    for (String group : LeptonGroups.NAMES.keySet()) {
      if (group.equals(LeptonGroups.ADMIN)) {
        continue;
      }
      for (Authorization authorization :
          authorizations.createAuthorizationQuery().groupIdIn(group).list()) {
        boolean taskGrant =
            authorization.getResourceType() == Resources.TASK.resourceType()
                && !ANY.equals(authorization.getResourceId());
        if (!taskGrant && GRANTS.stream().noneMatch(grant -> matches(grant, authorization))) {
          authorizations.deleteAuthorization(authorization.getId());
        }
      }
    }
  }

  private static boolean matches(Grant grant, Authorization authorization) {
    return grant.group().equals(authorization.getGroupId())
        && grant.resource().resourceType() == authorization.getResourceType()
        && grant.resourceId().equals(authorization.getResourceId())
        && authorization.getAuthorizationType() == AUTH_TYPE_GRANT;
  }
}
