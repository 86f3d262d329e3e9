package ai.lepton.benchmarks;

import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import java.time.Instant;
import java.util.Map;

/**
 * Puts a registered version live the way an engagement does: champion, a recorded approval,
 * deployed.
 */
final class BenchDeployment {

  private BenchDeployment() {}

  /**
   * As {@link #deploy(ModelRegistry, String)}, its engagement's requirements naming the rule set
   * decisions use.
   */
  static void deploy(
      ModelRegistry registry, RequirementsRecord requirements, String versionId, String ruleSet) {
    ModelVersion version = registry.get(versionId);
    requirements.record(
        new Requirements(
            version.engagementKey(),
            0,
            "bench",
            version.targetAttribute(),
            version.problemType(),
            version.modelName(),
            "pctCorrect",
            0,
            version.algorithm(),
            version.folds(),
            version.seed(),
            "",
            null,
            null,
            null,
            "bench",
            null,
            Instant.now(),
            ruleSet,
            null,
            null,
            null));
    deploy(registry, versionId);
  }

  static void deploy(ModelRegistry registry, String versionId) {
    ModelVersion version = registry.get(versionId);
    registry.changeStatus(versionId, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "benchmark");
    registry.recordApproval(
        new Approval(
            versionId,
            version.engagementKey(),
            true,
            "bench-officer",
            "benchmark",
            Map.of("modelSha256", version.modelSha256()),
            null,
            Instant.now()));
    registry.changeStatus(versionId, ModelStatus.DEPLOYED, "bench-officer", "benchmark");
  }

  /**
   * Puts a registered version on trial as a challenger beside the live one, as an approval that
   * says so does.
   */
  static void putOnTrial(ModelRegistry registry, String versionId) {
    ModelVersion version = registry.get(versionId);
    registry.changeStatus(versionId, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "benchmark");
    registry.recordApproval(
        new Approval(
            versionId,
            version.engagementKey(),
            true,
            "bench-officer",
            "benchmark",
            Map.of("modelSha256", version.modelSha256(), "deployAs", Approval.DEPLOY_AS_CHALLENGER),
            null,
            Instant.now()));
    registry.changeStatus(versionId, ModelStatus.CHALLENGER, "bench-officer", "benchmark");
  }
}
