package ai.lepton.ml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeptonVersionTest {

  /**
   * Training runs and the API document record this: Maven's version, not the placeholder it was
   * filtered from.
   */
  @Test
  void isTheVersionMavenBuilt() {
    assertThat(LeptonVersion.VERSION).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
