package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.access.LeptonGroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The table of rights in app/README.md is the engine's, cell by cell: nothing more is granted,
 * nothing less.
 */
class AuthorizationTableTest extends HttpTestSupport {

  @Autowired AuthorizationService authorizations;

  @Test
  void theEngineGrantsExactlyWhatTheReadmeSays() throws IOException {
    Set<String> documented = new TreeSet<>();
    String table =
        Files.readString(Path.of("README.md"))
            .split("### Who may do what in the engine")[1]
            .split("\n#")[0];
    for (String line : table.lines().toList()) {
      String[] cells = line.split("\\|");
      if (cells.length < 5 || line.startsWith("|---") || cells[1].strip().equals("group")) {
        continue;
      }
      if (cells[1].strip().equals(LeptonGroups.ADMIN)) {
        continue; // checked below: ALL on every resource
      }
      documented.add(
          cells[1].strip()
              + " | "
              + cells[2].strip()
              + " | "
              + cells[3].strip()
              + " | "
              + Arrays.stream(cells[4].split(","))
                  .map(String::strip)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }

    Set<String> granted = new TreeSet<>();
    for (String group : LeptonGroups.NAMES.keySet()) {
      for (Authorization grant :
          authorizations.createAuthorizationQuery().groupIdIn(group).list()) {
        if (group.equals(LeptonGroups.ADMIN)
            || (grant.getResourceType() == Resources.TASK.resourceType()
                && !"*".equals(grant.getResourceId()))) {
          continue; // per-task grants come from candidate groups
        }
        Resources resource =
            Arrays.stream(Resources.values())
                .filter(r -> r.resourceType() == grant.getResourceType())
                .findFirst()
                .orElseThrow();
        granted.add(
            group
                + " | "
                + resource.resourceName()
                + " | "
                + grant.getResourceId()
                + " | "
                + Arrays.stream(grant.getPermissions(Permissions.values()))
                    .filter(p -> p != Permissions.NONE && p != Permissions.ALL)
                    .filter(p -> Arrays.asList(p.getTypes()).contains(resource))
                    .map(Permission::getName)
                    .sorted()
                    .collect(Collectors.joining(", ")));
      }
    }
    assertThat(granted).containsExactlyElementsOf(documented);

    for (Resources resource : Resources.values()) {
      assertThat(
              authorizations
                  .createAuthorizationQuery()
                  .groupIdIn(LeptonGroups.ADMIN)
                  .resourceType(resource)
                  .resourceId("*")
                  .singleResult()
                  .isEveryPermissionGranted())
          .as(resource.resourceName())
          .isTrue();
    }
  }
}
