package ai.lepton.benchmarks;

import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import java.time.Instant;
import java.util.Map;

/** Puts a registered version live the way an engagement does: champion, a recorded approval, deployed. */
final class BenchDeployment {

  private BenchDeployment() {}

  static void deploy(ModelRegistry registry, String versionId) {
    ModelVersion version = registry.get(versionId);
    registry.changeStatus(versionId, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "benchmark");
    registry.recordApproval(new Approval(versionId, version.engagementKey(), true, "bench-officer", "benchmark",
        Map.of("modelSha256", version.modelSha256()), null, Instant.now()));
    registry.changeStatus(versionId, ModelStatus.DEPLOYED, "bench-officer", "benchmark");
  }
}
