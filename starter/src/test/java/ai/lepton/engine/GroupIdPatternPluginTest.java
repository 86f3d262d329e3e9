package ai.lepton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class GroupIdPatternPluginTest {

  private final GroupIdPatternPlugin plugin = new GroupIdPatternPlugin();

  @Test
  void anEngineWithoutAPatternOfItsOwnGetsOneThatAllowsLeptonsGroups() {
    StandaloneProcessEngineConfiguration engine = new StandaloneProcessEngineConfiguration();
    plugin.postInit(engine);
    assertThat("model-risk-officers").matches(engine.getGroupResourceWhitelistPattern());
    assertThat("a group;drop").doesNotMatch(engine.getGroupResourceWhitelistPattern());
  }

  @Test
  void camundasSpringBootDefaultIsWidenedToo() {
    StandaloneProcessEngineConfiguration engine = new StandaloneProcessEngineConfiguration();
    engine.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+|camunda-admin");
    plugin.postInit(engine);
    assertThat("project-managers").matches(engine.getGroupResourceWhitelistPattern());
    assertThat("camunda-admin").matches(engine.getGroupResourceWhitelistPattern());
  }

  @Test
  void aHostsOwnPatternThatAllowsThemIsKept() {
    StandaloneProcessEngineConfiguration engine = new StandaloneProcessEngineConfiguration();
    engine.setGroupResourceWhitelistPattern("[a-z-]+");
    plugin.postInit(engine);
    assertThat(engine.getGroupResourceWhitelistPattern()).isEqualTo("[a-z-]+");
  }

  @Test
  void aHostsOwnPatternThatRefusesThemStopsTheStartWithTheFix() {
    StandaloneProcessEngineConfiguration engine = new StandaloneProcessEngineConfiguration();
    engine.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+");
    assertThatThrownBy(() -> plugin.postInit(engine))
        .hasMessageContaining("model-risk-officers")
        .hasMessageContaining("groupResourceWhitelistPattern");
  }
}
