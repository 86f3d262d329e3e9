package ai.lepton.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.LeptonDatabase;
import ai.lepton.ml.Sha256;
import ai.lepton.ml.audit.AuditEntry;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The model registry on its own tables (H2, Lepton's migrations): a version is kept as registered,
 * moves only as its state machine and the records it needs allow, is rolled back to the version
 * live before it, and leaves an audit entry for each change and each refusal.
 */
class ModelRegistryTest {

  private static final String MODEL = "credit-risk";

  private JdbcTemplate jdbc;
  private AuditTrail audit;
  private ModelRegistry registry;

  @BeforeEach
  void freshDatabase() {
    JdbcDataSource dataSource = LeptonDatabase.fresh("model-registry");
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE"); // the datasets are the dataset store's to make
    audit = new AuditTrail(jdbc, new DataSourceTransactionManager(dataSource));
    registry = new ModelRegistry(jdbc, audit);
  }

  /** The one place a test builds what training hands over. */
  private static NewModelVersion trained(String engagement, double pctCorrect, byte[] model) {
    return new NewModelVersion(
        MODEL,
        engagement,
        "pi-" + engagement,
        1,
        "classification",
        "class",
        new AlgorithmSpec("weka.classifiers.trees.J48", "-C 0.25 -M 2"),
        42,
        10,
        "ds-" + engagement,
        "d".repeat(64),
        new TrainingResult(Map.of("pctCorrect", pctCorrect), model, 1200));
  }

  private String register(String engagement) throws InterruptedException {
    Thread.sleep(2); // versions a little apart in time, as training rounds make them
    return registry.register(
        trained(engagement, 74.5, ("model of " + engagement).getBytes(StandardCharsets.UTF_8)),
        "worker-1");
  }

  private Approval decision(String id, String engagement, boolean approved) {
    return new Approval(
        id,
        engagement,
        approved,
        "mro",
        approved ? "meets the threshold" : "too weak",
        Map.of("modelSha256", registry.get(id).modelSha256(), "pctCorrect", 74.5),
        "task-" + id,
        Instant.now());
  }

  private String approved(String engagement) throws InterruptedException {
    String id = register(engagement);
    registry.changeStatus(id, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "best of round 1");
    registry.recordApproval(decision(id, engagement, true));
    return id;
  }

  private String deployed(String engagement) throws InterruptedException {
    String id = approved(engagement);
    registry.changeStatus(id, ModelStatus.DEPLOYED, "mro", "deployed by " + engagement);
    return id;
  }

  private List<ModelStatus> statuses(String id) {
    return registry.statusHistory(id).stream().map(StatusChange::status).toList();
  }

  private List<String> auditedTypes(String id) {
    return audit.entriesAbout("model", id).stream().map(AuditEntry::type).toList();
  }

  private static Instant moment() throws InterruptedException {
    Thread.sleep(2);
    Instant now = Instant.now();
    Thread.sleep(2);
    return now;
  }

  @Test
  void aRegisteredVersionIsACandidateKeptAsTrained() throws Exception {
    String id = register("credit-1");

    ModelVersion version = registry.get(id);
    assertThat(version.modelName()).isEqualTo(MODEL);
    assertThat(version.wekaCommand()).isEqualTo("weka.classifiers.trees.J48 -C 0.25 -M 2");
    assertThat(version.metric("pctCorrect")).isEqualTo(74.5);
    assertThat(version.modelSha256())
        .isEqualTo(Sha256.hex("model of credit-1".getBytes(StandardCharsets.UTF_8)));
    assertThat(List.of(version.seed(), version.folds())).containsExactly(42, 10);
    assertThat(registry.statusHistory(id))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.status()).isEqualTo(ModelStatus.CANDIDATE);
              assertThat(change.changedBy()).isEqualTo(ModelRegistry.SYSTEM);
              assertThat(change.reason()).isEqualTo("cross-validated 10-fold with seed 42");
            });
    assertThat(audit.entriesAbout("model", id))
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.type()).isEqualTo("TRAINING_RUN");
              assertThat(run.payload()).containsEntry("trainedBy", "worker-1");
              assertThat(run.payload()).containsEntry("modelSha256", version.modelSha256());
            });
  }

  @Test
  void versionsAreFoundByIdAndByEngagementAndAnUnknownIdIsRefused() throws Exception {
    String first = register("credit-1");
    String other = register("credit-2");
    String second = register("credit-1");

    assertThat(registry.find(other).map(ModelVersion::engagementKey)).contains("credit-2");
    assertThat(registry.findByEngagement("credit-1"))
        .extracting(ModelVersion::id)
        .containsExactly(first, second);
    assertThat(registry.findByEngagement("credit-3")).isEmpty();
    assertThat(registry.find("mv-none")).isEmpty();
    assertThatThrownBy(() -> registry.get("mv-none"))
        .isInstanceOf(UnknownModelException.class)
        .hasMessage("No model version with id 'mv-none'");
    assertThatThrownBy(() -> registry.modelFile("mv-none"))
        .isInstanceOf(UnknownModelException.class);
  }

  @Test
  void theModelFileIsGivenBackAsStoredAndRefusedBeforeDeploymentOnceAltered() throws Exception {
    String id = approved("credit-1");
    ModelVersion version = registry.get(id);
    assertThat(registry.modelFile(id))
        .isEqualTo("model of credit-1".getBytes(StandardCharsets.UTF_8));
    new ApprovedModelBytes(registry, audit).require(version);

    byte[] altered = "model of someone else".getBytes(StandardCharsets.UTF_8);
    jdbc.update("UPDATE lepton_model_version SET model_bytes = ? WHERE id = ?", altered, id);

    assertThat(registry.modelFile(id)).isEqualTo(altered); // handed back as stored, unchecked
    assertThatThrownBy(() -> new ApprovedModelBytes(registry, audit).require(version))
        .isInstanceOf(ModelIntegrityException.class)
        .hasMessageContaining("has SHA-256 " + Sha256.hex(altered))
        .hasMessageContaining(version.modelSha256() + " was registered");
    assertThatThrownBy(
            () -> ModelFileReader.read(id, registry.modelFile(id), version.modelSha256()))
        .isInstanceOf(ModelIntegrityException.class);
    assertThat(auditedTypes(id)).endsWith("DEPLOYMENT_REFUSED");
  }

  @Test
  void aVersionGoesFromCandidateToRetiredAsTheStateMachineAllowsEachStepAudited() throws Exception {
    String id = deployed("credit-1");
    registry.changeStatus(id, ModelStatus.RETIRED, "mro", "replaced");

    assertThat(statuses(id))
        .containsExactly(
            ModelStatus.CANDIDATE,
            ModelStatus.CHAMPION,
            ModelStatus.APPROVED,
            ModelStatus.DEPLOYED,
            ModelStatus.RETIRED);
    assertThat(registry.statusHistory(id).get(4).changedBy()).isEqualTo("mro");
    assertThat(registry.currentStatus(id)).isEqualTo(ModelStatus.RETIRED);
    assertThat(auditedTypes(id))
        .containsExactly(
            "TRAINING_RUN",
            "MODEL_CHAMPION",
            "APPROVAL_GRANTED",
            "MODEL_APPROVED",
            "MODEL_DEPLOYED",
            "MODEL_RETIRED");
    assertThat(audit.entriesAbout("model", id).get(5).payload())
        .containsEntry("from", "DEPLOYED")
        .containsEntry("to", "RETIRED")
        .containsEntry("reason", "replaced");
  }

  @Test
  void aChangeTheStateMachineOrTheRecordDoesNotAllowIsRefusedAndTheRefusalAudited()
      throws Exception {
    String id = register("credit-1");

    assertThatThrownBy(() -> registry.changeStatus(id, ModelStatus.RETIRED, "mro", "no"))
        .isInstanceOf(ModelTransitionRefusedException.class)
        .hasMessageEndingWith("a CANDIDATE version cannot become RETIRED");
    assertThatThrownBy(() -> registry.changeStatus(id, ModelStatus.DEPLOYED, "mro", "no"))
        .isInstanceOf(ModelTransitionRefusedException.class)
        .hasMessageEndingWith("no approval of this version is on record");
    registry.changeStatus(id, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "best of round 1");
    assertThatThrownBy(() -> registry.changeStatus(id, ModelStatus.APPROVED, "mro", "no"))
        .isInstanceOf(ModelTransitionRefusedException.class)
        .hasMessageEndingWith("only a model risk officer's approval decision sets APPROVED");

    assertThat(registry.currentStatus(id)).isEqualTo(ModelStatus.CHAMPION);
    assertThat(auditedTypes(id))
        .containsExactly(
            "TRAINING_RUN",
            "MODEL_TRANSITION_REFUSED",
            "MODEL_TRANSITION_REFUSED",
            "MODEL_CHAMPION",
            "MODEL_TRANSITION_REFUSED");
    assertThat(audit.entriesAbout("model", id).get(1).payload())
        .containsEntry("from", "CANDIDATE")
        .containsEntry("to", "RETIRED");
  }

  @Test
  void theChampionOfAnEngagementIsItsVersionCrownedLast() throws Exception {
    String first = register("credit-1");
    String second = register("credit-1");
    registry.changeStatus(second, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "round 1");
    registry.changeStatus(first, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "round 2");

    assertThat(registry.championOf("credit-1").map(ModelVersion::id)).contains(first);
    registry.recordApproval(decision(first, "credit-1", false));
    assertThat(registry.championOf("credit-1").map(ModelVersion::id)).contains(second);
    assertThat(registry.championOf("credit-2")).isEmpty();
  }

  @Test
  void anApprovalDecisionIsKeptWithItsEvidenceAndOnlyForTheEngagementsChampion() throws Exception {
    String rejected = register("credit-1");
    assertThatThrownBy(() -> registry.recordApproval(decision(rejected, "credit-1", false)))
        .isInstanceOf(ModelTransitionRefusedException.class)
        .hasMessageEndingWith("only an engagement's champion is approved or rejected");
    registry.changeStatus(rejected, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "round 1");
    assertThatThrownBy(() -> registry.recordApproval(decision(rejected, "credit-2", true)))
        .isInstanceOf(ModelTransitionRefusedException.class)
        .hasMessageEndingWith("it belongs to engagement credit-1, not credit-2");

    Approval denial = decision(rejected, "credit-1", false);
    registry.recordApproval(denial);

    assertThat(registry.approvalsOf(rejected))
        .singleElement()
        .satisfies(
            kept -> {
              assertThat(kept)
                  .usingRecursiveComparison()
                  .ignoringFields("decidedAt")
                  .isEqualTo(denial);
              assertThat(kept.evidence()).containsEntry("pctCorrect", 74.5);
            });
    assertThat(registry.currentStatus(rejected)).isEqualTo(ModelStatus.REJECTED);
    assertThat(auditedTypes(rejected)).endsWith("APPROVAL_DENIED", "MODEL_REJECTED");
    assertThat(registry.approvalsOf(approved("credit-1")))
        .extracting(Approval::approved)
        .containsExactly(true);
  }

  @Test
  void aConfirmedRollbackPutsThePreviouslyDeployedVersionBackLiveOnce() throws Exception {
    String first = deployed("credit-1");
    registry.changeStatus(first, ModelStatus.RETIRED, "mro", "replaced");
    String second = deployed("credit-2");
    assertThatThrownBy(() -> registry.rollBack("monitor-1", second))
        .isInstanceOf(ModelTransitionRefusedException.class)
        .hasMessageContaining("has no model risk officer's confirmation on record");

    registry.recordRollbackConfirmation(
        new RollbackConfirmation(
            "monitor-1", second, "rollback", "mro-2", "drifted", "task-9", Instant.now()));
    ModelVersion restored = registry.rollBack("monitor-1", second);

    assertThat(restored.id()).isEqualTo(first);
    assertThat(registry.deployedUnder(MODEL)).containsExactly(first);
    assertThat(statuses(first)).endsWith(ModelStatus.RETIRED, ModelStatus.DEPLOYED);
    assertThat(registry.statusHistory(second).get(4).reason())
        .isEqualTo(
            "rolled back to "
                + first
                + " (engagement monitor-1, confirmed at task task-9): drifted");
    assertThat(audit.entriesAbout("model", first).get(6).payload())
        .containsEntry("to", "DEPLOYED")
        .containsEntry("rollbackInEngagement", "monitor-1");
    assertThat(audit.entriesAbout("model", second))
        .filteredOn(entry -> entry.type().equals("MODEL_RETIRED"))
        .singleElement()
        .extracting(AuditEntry::actor)
        .isEqualTo("mro-2");
    assertThatThrownBy(() -> registry.rollBack("monitor-1", second))
        .isInstanceOf(ModelTransitionRefusedException.class)
        .hasMessageContaining("(RETIRED) cannot become RETIRED");
  }

  @Test
  void theVersionLiveAtAnInstantIsReadFromTheStatusHistory() throws Exception {
    Instant beforeAny = moment();
    String first = deployed("credit-1");
    Instant firstLive = moment();
    registry.changeStatus(first, ModelStatus.RETIRED, "mro", "replaced");
    Instant noneLive = moment();
    String second = deployed("credit-2");
    Instant secondLive = moment();

    assertThat(registry.liveAt(MODEL, beforeAny)).isEmpty();
    assertThat(registry.liveAt(MODEL, firstLive).map(ModelVersion::id)).contains(first);
    assertThat(registry.liveAt(MODEL, noneLive)).isEmpty();
    assertThat(registry.liveAt(MODEL, secondLive).map(ModelVersion::id)).contains(second);
    assertThat(registry.liveAt("another-model", secondLive)).isEmpty();
  }
}
