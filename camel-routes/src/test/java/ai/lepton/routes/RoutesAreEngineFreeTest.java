package ai.lepton.routes;

import ai.lepton.ml.EngineFreeModule;
import org.junit.jupiter.api.Test;

/**
 * The routes depend on Lepton's core, not on the engine ({@link EngineFreeModule}): what they need
 * of the engine comes through the core's {@code EngagementProcesses}; the delegates and listeners
 * the processes call live in the starter.
 */
class RoutesAreEngineFreeTest {

  @Test
  void theRoutesNeitherNameNorLoadTheEngine() {
    EngineFreeModule.check(20);
  }
}
