package ai.lepton.engine;

import ai.lepton.access.LeptonGroups;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lepton's group ids carry hyphens ({@code model-risk-officers}), which Camunda's default id
 * pattern ({@code [a-zA-Z0-9]+}, or its Spring Boot starter's {@code [a-zA-Z0-9]+|camunda-admin})
 * refuses. An engine with no group id pattern of its own (or the starter's) gets one that also
 * allows hyphens; an engine whose own pattern refuses one of Lepton's groups does not start, and
 * says which and how to fix it.
 */
@Component
public class GroupIdPatternPlugin extends AbstractProcessEnginePlugin {

  static final String PATTERN = "[a-zA-Z0-9-]+";

  /**
   * What Camunda's Spring Boot starter sets when the application sets nothing (its admin group has
   * a hyphen).
   */
  static final String CAMUNDA_STARTER_DEFAULT = "[a-zA-Z0-9]+|camunda-admin";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    String pattern = configuration.getGroupResourceWhitelistPattern();
    if (pattern == null || pattern.isBlank()) {
      pattern = configuration.getGeneralResourceWhitelistPattern();
    }
    if (pattern == null || pattern.isBlank() || pattern.equals(CAMUNDA_STARTER_DEFAULT)) {
      configuration.setGroupResourceWhitelistPattern(PATTERN);
      return;
    }
    String set = pattern;
    List<String> refused =
        LeptonGroups.NAMES.keySet().stream().filter(group -> !group.matches(set)).sorted().toList();
    if (!refused.isEmpty()) {
      throw new IllegalStateException(
          "The engine's group id pattern '"
              + pattern
              + "' refuses Lepton's groups "
              + refused
              + ": set camunda.bpm.generic-properties.properties.groupResourceWhitelistPattern to one that"
              + " allows them, e.g. "
              + PATTERN);
    }
  }
}
