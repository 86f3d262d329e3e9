package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import ai.lepton.access.LeptonGroups;
import ai.lepton.api.DatasetIntake;
import ai.lepton.metrics.DriftMeters;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.monitoring.MonitoringService;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.RollbackConfirmation;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.process.ExternalTopic;
import ai.lepton.process.ProcessMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The maintenance phase of ai-engagement on the real engine, with churn models trained on real
 * wa_churn rows by the engagement itself: monitoring data and logged decisions are checked against
 * the training data, the maintenance rules judge, and the engagement goes on monitoring, retrains
 * through the quality gate and approval, or rolls back once a risk officer confirms. The job
 * executor is off: each timer and background step runs when the test says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceProcessTest extends ProcessTestSupport {

  private static final String NAIVE_BAYES = "weka.classifiers.bayes.NaiveBayes";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired DatasetIntake intake;
  @Autowired ModelRegistry registry;
  @Autowired DatasetStore datasets;
  @Autowired DecisionLog decisionLog;
  @Autowired MonitoringService monitoring;
  @Autowired AuditTrail audit;
  @Autowired DriftMeters driftMeters;
  @Autowired MeterRegistry meters;

  private static int opened;
  private String header;
  private List<String> rows;
  private int tenure;

  @BeforeAll
  void readCustomers() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("data/wa_churn.csv")) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank())
              .toList();
      header = lines.get(0);
      rows = lines.subList(1, lines.size());
    }
    tenure = List.of(header.split(",")).indexOf("\"tenure\"");
  }

  @Test
  void theOtherHalfOfTheSameCustomersDoesNotDriftAndMonitoringGoesOn() throws Exception {
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(11));
    List<String> trainingHalf = shuffled.subList(0, shuffled.size() / 2);
    List<String> otherHalf = shuffled.subList(shuffled.size() / 2, shuffled.size());

    // Given a churn model trained, approved and deployed by an engagement on a random half of
    // wa_churn
    ProcessInstance pi =
        deployThroughEngagement("no-drift", "churn-maintenance-calm", trainingHalf);
    String version = (String) runtime.getVariable(pi.getId(), "modelVersionId");

    // Then the engagement monitors it: the next check is due after the configured cycle (5 s here)
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant())
        .isBetween(Instant.now().plusSeconds(1), Instant.now().plusSeconds(6));

    // When the client sends the other half as monitoring data (with the outcomes), it is checked at
    // once
    ai.lepton.api.DatasetReceipt answer = sendMonitoringData(pi, otherHalf);
    assertThat(answer.correlated()).isTrue();
    // (the check is an external task: a node that locks it and dies holds it only until its short
    // lock runs out,
    // then another node's worker takes it over)
    List<org.camunda.bpm.engine.externaltask.LockedExternalTask> held =
        engine
            .getExternalTaskService()
            .fetchAndLock(1, "a-node-that-dies")
            .topic(ExternalTopic.CHECK_DRIFT.topic(), 1_000)
            .businessKey(pi.getBusinessKey())
            .execute();
    assertThat(held).as("the check waits as an external task").hasSize(1);
    // and whoever holds it cannot end it with results of their own, nor end maintenance with a BPMN
    // error: not even
    // an administrator, through Camunda's API (Lepton's worker hands checks back as no one)
    identity.setAuthentication("demo", List.of(LeptonGroups.ADMIN));
    try {
      assertThatThrownBy(
              () ->
                  engine
                      .getExternalTaskService()
                      .complete(
                          held.get(0).getId(),
                          "a-node-that-dies",
                          Map.of("monitoringResult", "{}")))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("Lepton's workers do this step");
      assertThatThrownBy(
              () ->
                  engine
                      .getExternalTaskService()
                      .handleBpmnError(held.get(0).getId(), "a-node-that-dies", "MODEL_NOT_LIVE"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    // nor may a logged-in account take it: a worker account (rights on ai-engagement, for training)
    // that fetches the
    // topic with a long lock, locks the check by id, or sets its retries to 0 is refused and
    // audited
    identity.setAuthentication("w1", List.of(LeptonGroups.WORKERS));
    try {
      assertThatThrownBy(
              () ->
                  engine
                      .getExternalTaskService()
                      .fetchAndLock(1, "w1")
                      .topic(ExternalTopic.CHECK_DRIFT.topic(), 3_600_000)
                      .execute())
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("w1 may not lock or retry work of the topic 'lepton-check-drift'");
      assertThatThrownBy(
              () -> engine.getExternalTaskService().lock(held.get(0).getId(), "w1", 3_600_000))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getExternalTaskService().setRetries(held.get(0).getId(), 0))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(
              () -> engine.getExternalTaskService().setRetries(List.of(held.get(0).getId()), 0))
          .isInstanceOf(AuthorizationException.class);
      // training stays theirs to fetch
      assertThat(
              engine
                  .getExternalTaskService()
                  .fetchAndLock(1, "w1")
                  .topic(ExternalTopic.TRAIN_CANDIDATE.topic(), 1_000)
                  .businessKey(pi.getBusinessKey())
                  .execute())
          .isEmpty();
    } finally {
      identity.clearAuthentication();
    }
    assertThat(audit.entriesAbout("topic", ExternalTopic.CHECK_DRIFT.topic()))
        .filteredOn(e -> e.type().equals("AUTHORIZATION_REFUSED"))
        .extracting(e -> e.actor())
        .contains("w1");
    assertThat(
            engine
                .getExternalTaskService()
                .createExternalTaskQuery()
                .externalTaskId(held.get(0).getId())
                .singleResult()
                .getRetries())
        .as("retries untouched")
        .isNull();
    assertThat(worker.workOnAll(pi.getBusinessKey()))
        .as("a check another worker holds is left to it")
        .isZero();
    Thread.sleep(1_100);
    runJobs(pi);

    // Then no attribute drifts (every PSI under 0.1), the accuracy holds, the verdict is OK and
    // monitoring goes on
    Map<String, Object> check = monitoring.checksOf(version).get(0);
    assertThat(attributes(check))
        .isNotEmpty()
        .allSatisfy(
            a ->
                assertThat(((Number) a.get("psi")).doubleValue())
                    .as(a.get("attribute") + " PSI")
                    .isLessThan(0.1));
    assertThat(((Number) check.get("labelledOutcomes")).intValue()).isEqualTo(otherHalf.size());
    // the API's typed view of a check knows every field a classifier's check writes
    assertThat(ai.lepton.ml.monitoring.MonitoringCheck.strictly(check).labelledOutcomes())
        .isEqualTo(otherHalf.size());
    assertThat(((Number) check.get("recentAccuracy")).doubleValue())
        .isCloseTo(
            ((Number) check.get("baselineAccuracy")).doubleValue(),
            org.assertj.core.data.Offset.offset(0.03));
    assertThat(runtime.getVariable(pi.getId(), "maintenanceVerdict")).isEqualTo("OK");
    assertThat(pi)
        .hasPassed("Task_CheckDrift", "Task_ApplyMaintenanceRules")
        .isWaitingAt("Gateway_NextCheck");
    assertThat(audit.entriesAbout("model", version))
        .extracting(e -> e.type())
        .contains("MONITORING_CHECK", "MAINTENANCE_VERDICT");

    // When the engagement is closed, maintenance ends with it
    runtime
        .createMessageCorrelation("EngagementClosed")
        .processInstanceBusinessKey(pi.getBusinessKey())
        .correlate();
    assertThat(pi).hasPassed("EndEvent_EngagementClosed").isEnded();
  }

  @Test
  void longStandingCustomersDriftFromNewOnesAndTheModelIsRetrainedThroughApprovalAgain()
      throws Exception {
    Predicate<String> newCustomer = row -> tenureOf(row) < 24;
    List<String> young = rows.stream().filter(newCustomer).toList();
    List<String> loyal = rows.stream().filter(row -> tenureOf(row) >= 48).toList();

    // Given a model trained on customers of less than two years
    ProcessInstance pi = deployThroughEngagement("drift", "churn-maintenance-drift", young);
    String first = (String) runtime.getVariable(pi.getId(), "modelVersionId");

    // When customers of four years and more come in as monitoring data
    sendMonitoringData(pi, loyal);
    runJobs(pi);

    // Then tenure and what goes with it drift significantly, and the rules ask for retraining
    Map<String, Object> check = monitoring.checksOf(first).get(0);
    Map<String, Double> psi = new HashMap<>();
    attributes(check)
        .forEach(a -> psi.put((String) a.get("attribute"), ((Number) a.get("psi")).doubleValue()));
    assertThat(psi.get("tenure")).isGreaterThan(0.25);
    assertThat(psi.get("total_charges")).isGreaterThan(0.25);
    // and the project manager and the risk officers are told, with the findings
    assertThat(notified(pi, "RETRAINING_ADVISED", 1))
        .singleElement()
        .satisfies(
            told -> {
              assertThat(told.path("toGroups").toString()).contains("model-risk-officers");
              assertThat(told.path("what").asText())
                  .contains("RETRAIN", first, "drifted significantly");
              assertThat(told.path("link").asText())
                  .contains("/camunda/app/cockpit/default/#/process-instance/" + pi.getId());
            });
    assertThat(((Number) check.get("significantDrift")).intValue()).isGreaterThanOrEqualTo(3);
    assertThat(String.valueOf(runtime.getVariable(pi.getId(), "maintenanceFindings")))
        .contains("RETRAIN: ")
        .contains("drifted significantly");
    // and a scraper reads the same PSI per attribute from the model's gauges
    driftMeters.refresh();
    assertThat(
            meters
                .get("lepton.monitoring.psi")
                .tags("model", "churn-maintenance-drift", "attribute", "tenure")
                .gauge()
                .value())
        .isEqualTo(psi.get("tenure"));

    // And the engagement went where the verdict says: the training data plus the labelled
    // monitoring rows, through
    // the quality gate and training, to a new approval
    assertThat(pi)
        .hasPassed("EndEvent_RetrainingNeeded", "Task_AssembleRetrainingData")
        .isWaitingAt("Task_ApproveModel");
    assertThat(runtime.getVariable(pi.getId(), "retrainingRows")).isEqualTo(loyal.size());
    StoredDataset retraining = datasets.get((String) runtime.getVariable(pi.getId(), "datasetId"));
    assertThat(retraining.rows()).isEqualTo(young.size() + loyal.size());
    assertThat(retraining.preparation())
        .singleElement()
        .satisfies(
            step ->
                assertThat(step)
                    .containsEntry("rowsFromMonitoringData", loyal.size())
                    .containsEntry("retrainedVersion", first));
    String second = (String) runtime.getVariable(pi.getId(), "modelVersionId");
    assertThat(second).isNotEqualTo(first);
    assertThat(registry.get(second).trainingRound()).isEqualTo(2);

    // When the risk officer approves the retrained model, it replaces the first and is monitored in
    // turn
    approve(pi);
    assertThat(registry.currentStatus(second)).isEqualTo(ModelStatus.DEPLOYED);
    assertThat(registry.currentStatus(first)).isEqualTo(ModelStatus.RETIRED);
    assertThat(pi).isWaitingAt("Gateway_NextCheck");
  }

  @Test
  void aSingleDriftedAttributeIsAWarningForAProjectManagerWhileMonitoringGoesOn() throws Exception {
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(11));
    int female = List.of(header.split(",")).indexOf("\"female\"");
    List<String> women =
        shuffled.subList(shuffled.size() / 2, shuffled.size()).stream()
            .filter(row -> row.split(",")[female].equals("1"))
            .toList();

    // Given a model trained on a random half of the customers
    ProcessInstance pi =
        deployThroughEngagement(
            "warn", "churn-maintenance-warn", shuffled.subList(0, shuffled.size() / 2));
    String version = (String) runtime.getVariable(pi.getId(), "modelVersionId");

    // When a month of production data has only women in it (a campaign aimed at them, say)
    sendMonitoringData(pi, women.subList(0, women.size() / 2));
    runJobs(pi);

    // Then 'female' alone drifts significantly: a warning, put before a project manager, and
    // monitoring goes on
    assertThat(runtime.getVariable(pi.getId(), "maintenanceVerdict")).isEqualTo("WARN");
    assertThat(String.valueOf(runtime.getVariable(pi.getId(), "maintenanceFindings")))
        .contains("1 attribute(s) drifted significantly, most 'female'");
    assertThat(String.valueOf(runtime.getVariable(pi.getId(), "monitoringSummary")))
        .contains("female: PSI");
    assertThat(pi).isWaitingAt("Task_ReviewMonitoringFindings", "Gateway_NextCheck");
    assertThat(task(pi)).hasCandidateGroup("project-managers");
    assertThat(notified(pi, "DRIFT_WARNING", 1))
        .singleElement()
        .satisfies(told -> assertThat(told.path("what").asText()).contains("WARN", "'female'"));

    // When the next month, dropped into the engagement's monitoring inbox folder, warns again, no
    // second task piles up
    Path monitoringInbox =
        Path.of("target/process-test-data/inbox", pi.getBusinessKey(), "monitoring");
    org.springframework.util.FileSystemUtils.deleteRecursively(
        monitoringInbox.getParent()); // ids repeat per run
    Files.createDirectories(monitoringInbox);
    Files.write(
        monitoringInbox.resolve("july.csv"), csv(women.subList(women.size() / 2, women.size())));
    Instant deadline = Instant.now().plusSeconds(60);
    while (!Files.exists(monitoringInbox.resolve(".done")) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(monitoringInbox.resolve(".done")).as("file taken").isNotEmptyDirectory();
    runJobs(pi);
    assertThat(monitoring.checksOf(version).get(0))
        .extracting(c -> c.get("source"))
        .asString()
        .contains(
            datasets.findByEngagement(pi.getBusinessKey()).stream()
                .filter(d -> d.name().equals("july.csv"))
                .findFirst()
                .orElseThrow()
                .id());
    assertThat(runtime.getVariable(pi.getId(), "maintenanceVerdict")).isEqualTo("WARN");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isOne();

    // When the project manager keeps the model with a note, monitoring alone goes on, and the
    // review is on record
    assertThatThrownBy(
            () ->
                as(
                    "pm",
                    LeptonGroups.PROJECT_MANAGERS,
                    () -> {
                      tasks.complete(task(pi).getId(), Map.of("findingsDecision", "keep"));
                      return null;
                    }))
        .hasMessageContaining("Say what was done");
    as(
        "pm",
        LeptonGroups.PROJECT_MANAGERS,
        () -> {
          tasks.complete(
              task(pi).getId(),
              Map.of(
                  "findingsDecision",
                  "keep",
                  "findingsNote",
                  "the client ran a campaign for women; churn behaves the same"));
          return null;
        });
    assertThat(pi).hasPassed("EndEvent_FindingsReviewed").isWaitingAt("Gateway_NextCheck");
    assertThat(runtime.getVariable(pi.getId(), "findingsReviewOpen")).isEqualTo(false);
    assertThat(audit.entriesAbout("model", version))
        .filteredOn(e -> e.type().equals("MONITORING_FINDINGS_REVIEWED"))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("pm"));
  }

  @Test
  void outcomesThatProveTheModelWrongMakeItsAccuracyFallAndTheModelIsRetrained() throws Exception {
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(5));
    ProcessInstance pi =
        deployThroughEngagement("decay", "churn-maintenance-decay", shuffled.subList(0, 3000));
    String version = (String) runtime.getVariable(pi.getId(), "modelVersionId");

    // Given 40 decisions of the live model whose true outcome turned out the opposite of the
    // prediction
    for (String row : shuffled.subList(3000, 3040)) {
      Map<String, Object> decided = decide("churn-maintenance-decay", row);
      assertThat(decided.get("modelVersionId")).isEqualTo(version);
      decisionLog.recordOutcome(
          (String) decided.get("decisionId"),
          "Yes".equals(decided.get("prediction")) ? "No" : "Yes",
          "pm");
    }

    // When the scheduled check comes
    fireScheduledCheck(pi);

    // Then the accuracy on those outcomes is far under the approved one: retrain (there is no
    // earlier version)
    Map<String, Object> check = monitoring.checksOf(version).get(0);
    assertThat(check).containsEntry("recentAccuracy", 0.0);
    assertThat(((Number) check.get("labelledOutcomes")).intValue()).isEqualTo(40);
    assertThat(check).containsEntry("previousVersion", false);
    assertThat(check).containsEntry("driftJudged", false);
    assertThat(String.valueOf(runtime.getVariable(pi.getId(), "maintenanceFindings")))
        .contains("RETRAIN: accuracy 0.000 on 40 recent outcomes")
        .contains("too few to judge drift");
    assertThat(pi).hasPassed("EndEvent_RetrainingNeeded").isWaitingAt("Task_ApproveModel");
    assertThat(runtime.getVariable(pi.getId(), "retrainingRows")).isEqualTo(40);
  }

  @Test
  void aRiskOfficerConfirmsTheRollbackAndTheDecisionsUseThePreviousVersionAtOnce()
      throws Exception {
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(3));
    String model = "churn-maintenance-rollback";

    // Given a first version deployed by one engagement, then replaced by a second engagement's
    // version
    ProcessInstance earlier =
        deployThroughEngagement("rollback-v1", model, shuffled.subList(0, 2500));
    String first = (String) runtime.getVariable(earlier.getId(), "modelVersionId");
    ProcessInstance pi =
        deployThroughEngagement("rollback-v2", model, shuffled.subList(2500, 5000));
    String second = (String) runtime.getVariable(pi.getId(), "modelVersionId");
    assertThat(registry.currentStatus(first)).isEqualTo(ModelStatus.RETIRED);

    // Then the first engagement's maintenance ends at its next check: its model is no longer live
    fireScheduledCheck(earlier);
    assertThat(earlier).hasPassed("EndEvent_ModelReplaced").isEnded();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(earlier.getId())
                .variableName("maintenanceEndReason")
                .singleResult()
                .getValue()
                .toString())
        .contains(first + " is RETIRED (replaced by " + second);

    // And the second version's decisions turn out wrong
    for (String row : shuffled.subList(5000, 5035)) {
      Map<String, Object> decided = decide(model, row);
      decisionLog.recordOutcome(
          (String) decided.get("decisionId"),
          "Yes".equals(decided.get("prediction")) ? "No" : "Yes",
          "pm");
    }

    // When the scheduled check comes, the rules ask to roll back, and a risk officer must confirm
    fireScheduledCheck(pi);
    assertThat(runtime.getVariable(pi.getId(), "maintenanceVerdict")).isEqualTo("ROLLBACK");
    assertThat(pi).isWaitingAt("Task_ConfirmRollback");
    assertThat(task(pi)).hasCandidateGroup("model-risk-officers");
    assertThat(notified(pi, "ROLLBACK_ADVISED", 1))
        .singleElement()
        .satisfies(
            told -> assertThat(told.path("toGroups").toString()).contains("model-risk-officers"));

    // A project manager cannot (Camunda's authorizations), an administrator cannot either (Lepton's
    // own check), nor
    // a risk officer without a reason
    assertThatThrownBy(
            () ->
                as(
                    "pm",
                    LeptonGroups.PROJECT_MANAGERS,
                    () -> {
                      tasks.complete(
                          task(pi).getId(),
                          Map.of("rollbackDecision", "rollback", "rollbackReason", "bad"));
                      return null;
                    }))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("'pm'");
    assertThatThrownBy(
            () ->
                as(
                    "admin",
                    "camunda-admin",
                    () -> {
                      tasks.complete(
                          task(pi).getId(),
                          Map.of("rollbackDecision", "rollback", "rollbackReason", "bad"));
                      return null;
                    }))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("admin is not a model risk officer");
    assertThatThrownBy(
            () ->
                as(
                    "mro",
                    LeptonGroups.MODEL_RISK_OFFICERS,
                    () -> {
                      tasks.complete(task(pi).getId(), Map.of("rollbackDecision", "rollback"));
                      return null;
                    }))
        .hasMessageContaining("A reason is required");
    assertThat(registry.currentStatus(second)).isEqualTo(ModelStatus.DEPLOYED);

    // When the risk officer confirms with a reason
    as(
        "mro",
        LeptonGroups.MODEL_RISK_OFFICERS,
        () -> {
          tasks.complete(
              task(pi).getId(),
              Map.of(
                  "rollbackDecision",
                  "rollback",
                  "rollbackReason",
                  "accuracy collapsed on recorded outcomes"));
          return null;
        });
    runJobs(pi);

    // Then the first version is live again, the second retired, and the very next decision uses the
    // first
    assertThat(registry.currentStatus(first)).isEqualTo(ModelStatus.DEPLOYED);
    assertThat(registry.currentStatus(second)).isEqualTo(ModelStatus.RETIRED);
    assertThat(
            registry.statusHistory(first).get(registry.statusHistory(first).size() - 1).changedBy())
        .isEqualTo("mro");
    assertThat(decide(model, shuffled.get(6000)).get("modelVersionId")).isEqualTo(first);
    assertThat(runtime.getVariable(pi.getId(), "modelVersionId")).isEqualTo(first);
    assertThat(pi).hasPassed("Task_RollBackModel").isWaitingAt("Gateway_NextCheck");
    // and the rollback is told to this engagement's project manager and the risk officers
    assertThat(notified(pi, "MODEL_DEPLOYED", 2))
        .anySatisfy(
            told -> {
              assertThat(told.path("what").asText()).contains(first, "again (rolled back by mro)");
              assertThat(told.path("toGroups").toString()).contains("model-risk-officers");
            });
    assertThat(audit.entriesAbout("model", second))
        .extracting(e -> e.type())
        .contains("MAINTENANCE_VERDICT", "ROLLBACK_CONFIRMED", "MODEL_RETIRED");

    // And when another engine node rolls back again to the second version on a confirmation of its
    // own (this
    // node's cache is not told), this node's decisions follow once its kept model is older than
    // lepton.scoring.recheck-live-version (1 s here)
    registry.recordRollbackConfirmation(
        new RollbackConfirmation(
            pi.getBusinessKey(),
            first,
            "rollback",
            "mro",
            "test: another node rolls back",
            null,
            java.time.Instant.now()));
    registry.rollBack(pi.getBusinessKey(), first);
    Thread.sleep(1_100);
    assertThat(decide(model, shuffled.get(6001)).get("modelVersionId")).isEqualTo(second);
  }

  @Test
  void aCheckThatFailsBecomesAnIncidentOnItsStep() throws Exception {
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(9));
    ProcessInstance pi =
        deployThroughEngagement(
            "failing-check", "churn-maintenance-incident", shuffled.subList(0, 2000));

    // Given a model version the registry does not know (as after a bad manual change of the
    // variable)
    runtime.setVariable(pi.getId(), "modelVersionId", "mv-not-registered");

    // When the scheduled check runs and fails on every retry
    fireScheduledCheck(pi);

    // Then an incident on "Check drift and accuracy" says why, for Cockpit
    Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_CheckDrift");
    assertThat(incident.getIncidentMessage()).contains("mv-not-registered");
    // and the project manager and the risk officers are told where it is stuck
    assertThat(notified(pi, "INCIDENT", 1))
        .singleElement()
        .satisfies(
            told ->
                assertThat(told.path("what").asText())
                    .contains("Task_CheckDrift", "mv-not-registered"));
  }

  @Test
  void aCheckFinishedByANodeThatLostItsLockLeavesNothingBehind() throws Exception {
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(13));
    ProcessInstance pi =
        deployThroughEngagement(
            "lost-lock", "churn-maintenance-lost-lock", shuffled.subList(0, 2000));
    String version = (String) runtime.getVariable(pi.getId(), "modelVersionId");

    // Given a node that locked the check for a second and then stalled (a long pause, a cut
    // network) ...
    sendMonitoringData(pi, shuffled.subList(2000, 3000));
    List<org.camunda.bpm.engine.externaltask.LockedExternalTask> stale =
        engine
            .getExternalTaskService()
            .fetchAndLock(1, "a-node-that-stalled")
            .topic(ExternalTopic.CHECK_DRIFT.topic(), 1_000)
            .businessKey(pi.getBusinessKey())
            .execute();
    assertThat(stale).hasSize(1);
    Thread.sleep(1_100);
    // ... whose check another node's worker took over once the lock ran out, and recorded
    runJobs(pi);
    assertThat(monitoring.checksOf(version)).hasSize(1);
    assertThat(pi).hasPassed("Task_CheckDrift").isWaitingAt("Gateway_NextCheck");

    // When the stalled node wakes up and finishes the check it no longer holds
    worker.workOn(stale.get(0), "a-node-that-stalled");

    // Then nothing of it is recorded: a step's writes commit with its completion, or not at all
    assertThat(monitoring.checksOf(version)).as("the check is recorded once").hasSize(1);
    assertThat(audit.entriesAbout("model", version))
        .filteredOn(e -> e.type().equals("MONITORING_CHECK"))
        .hasSize(1);
    assertThat(audit.verify().valid()).isTrue();
    assertThat(pi).isWaitingAt("Gateway_NextCheck");
  }

  @Test
  void monitoringDataBeforeAnyModelIsLiveIsKeptButRefused() {
    ProcessInstance pi = openEngagement("too-early");
    engagements.dataScientistCompletes(pi, requirements("churn-maintenance-early"));
    assertThatThrownBy(() -> sendMonitoringData(pi, rows.subList(0, 200)))
        .hasMessageContaining("has no live model to monitor yet")
        .hasMessageContaining("stored as ds-");
    assertThat(pi).isWaitingAt("Task_AwaitDataset");
  }

  // --- steps a user takes ---

  private ProcessInstance deployThroughEngagement(
      String name, String modelName, List<String> trainingRows) {
    ProcessInstance pi = openEngagement(name);
    as(
        "ds",
        LeptonGroups.DATA_SCIENTISTS,
        () -> {
          tasks.complete(task(pi).getId(), requirements(modelName));
          return intake.receive(
              pi.getBusinessKey(), name + ".csv", csv(trainingRows), DatasetFormat.CSV);
        });
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_ApproveModel");
    approve(pi);
    assertThat(pi).hasPassed("Task_DeployModel").isWaitingAt("Gateway_NextCheck");
    return pi;
  }

  private void approve(ProcessInstance pi) {
    engagements.riskOfficerApproves(pi, Map.of("overrideReason", "maintenance test"));
    runJobs(pi);
  }

  private ai.lepton.api.DatasetReceipt sendMonitoringData(
      ProcessInstance pi, List<String> monitoringRows) {
    return as(
        "ds",
        LeptonGroups.DATA_SCIENTISTS,
        () ->
            intake.receive(
                pi.getBusinessKey(),
                "monitoring.csv",
                csv(monitoringRows),
                DatasetFormat.CSV,
                ProcessMessage.MONITORING_DATA_RECEIVED.messageName()));
  }

  /** The maintenance timer fires (as the job executor would once due), then the check runs. */
  private void fireScheduledCheck(ProcessInstance pi) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    management.executeJob(timer.getId());
    runJobs(pi);
  }

  private Map<String, Object> decide(String modelName, String row) throws IOException {
    Map<String, Object> features = features(row);
    features.remove("churn");
    return runtime
        .createProcessInstanceByKey("model-decision")
        .setVariable("modelName", modelName)
        .setVariable("ruleSet", "churn-retention")
        .setVariable("features", JSON.writeValueAsString(features))
        .executeWithVariablesInReturn()
        .getVariables();
  }

  private Map<String, Object> features(String row) {
    String[] names = header.split(",");
    String[] values = row.split(",");
    Map<String, Object> features = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      String value = values[i];
      String name = names[i].replace("\"", "");
      if (value.startsWith("\"")) {
        features.put(name, value.replace("\"", ""));
      } else if (!value.isEmpty() && !value.equals("?")) {
        features.put(name, Double.parseDouble(value));
      }
    }
    return features;
  }

  private ProcessInstance openEngagement(String name) {
    return engagements.open("ENG-TEST-MAINT-" + name + "-" + (++opened), "Test Telco", name);
  }

  private static Map<String, Object> requirements(String modelName) {
    Map<String, Object> variables =
        EngagementDriver.classification(
            "churn", modelName, "weightedAreaUnderROC", 0.7, NAIVE_BAYES);
    variables.put("ruleSets", "churn-retention");
    return variables;
  }

  private byte[] csv(List<String> lines) {
    return (header + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private int tenureOf(String row) {
    return Integer.parseInt(row.split(",")[tenure]);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> attributes(Map<String, Object> check) {
    return (List<Map<String, Object>>) check.get("attributes");
  }
}
