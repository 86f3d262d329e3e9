package ai.lepton.ml;

import org.junit.jupiter.api.Test;

/**
 * The core is Lepton without the process engine ({@link EngineFreeModule}); the adapters over it
 * live in ml-delegates.
 */
class CoreIsEngineFreeTest {

  @Test
  void theCoreNeitherNamesNorLoadsTheEngine() {
    EngineFreeModule.check(100);
  }
}
