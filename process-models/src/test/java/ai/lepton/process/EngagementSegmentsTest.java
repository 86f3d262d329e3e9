package ai.lepton.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import ai.lepton.process.DecisionWords.Maintenance;
import ai.lepton.process.DecisionWords.Quality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One segment of {@code ai-engagement} at a time, on a real engine with every Lepton bean replaced
 * by a stand-in that records its call and answers what the test says: the gateways, loops, timers,
 * messages and external tasks of the BPMN are what is tested here, without training a model or
 * applying a rule. Each test starts the process right before the step it is about ({@code
 * startBeforeActivity}).
 */
@Deployment(resources = "bpmn/ai-engagement.bpmn")
class EngagementSegmentsTest {

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(inMemoryEngine()).build();

  /** The extension's engine, handed to each test. */
  ProcessEngine engine;

  private final List<String> calls = new ArrayList<>();
  private final Map<String, String> verdicts = new HashMap<>();
  private boolean championMeetsThreshold = true;
  private long retrainingRows;

  private static ProcessEngine inMemoryEngine() {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setExpressionManager(new MockExpressionManager());
    configuration
        .setJdbcUrl("jdbc:h2:mem:engagement-segments;DB_CLOSE_DELAY=-1")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    return configuration.buildProcessEngine();
  }

  @BeforeEach
  void standIns() {
    AbstractAssertions.init(engine);
    Mocks.register(
        "applyRules",
        (JavaDelegate)
            execution -> {
              String ruleSet = (String) execution.getVariableLocal("ruleSet");
              calls.add("applyRules " + ruleSet);
              execution.setVariable(verdictVariable(ruleSet), verdicts.get(ruleSet));
            });
    Mocks.register("prepareDataset", delegate("prepareDataset"));
    Mocks.register(
        "selectChampion",
        (JavaDelegate)
            execution -> {
              calls.add("selectChampion");
              execution.setVariable("championMeetsThreshold", championMeetsThreshold);
            });
    Mocks.register("deployModel", delegate("deployModel"));
    Mocks.register("rollBackModel", delegate("rollBackModel"));
    Mocks.register(
        "compareChallenger",
        (JavaDelegate)
            execution -> {
              calls.add("compareChallenger");
              execution.setVariable("challengerOnTrial", false);
            });
    Mocks.register("settleChallenger", delegate("settleChallenger"));
    Mocks.register(
        "assembleRetrainingData",
        (JavaDelegate)
            execution -> {
              calls.add("assembleRetrainingData");
              execution.setVariable("retrainingRows", retrainingRows);
            });
    Mocks.register(
        "requireEngagementKey", (ExecutionListener) execution -> calls.add("requireEngagementKey"));
    for (String listener :
        List.of(
            "validateRequirements",
            "recordApproval",
            "recordFindingsReview",
            "recordRollbackDecision",
            "recordChallengerDecision",
            "validateReview")) {
      Mocks.register(listener, (TaskListener) task -> calls.add(listener));
    }
    for (String bean :
        List.of(
            "audit",
            "trainingTasks",
            "externalSteps",
            "requirementsRecord",
            "policyVerdicts",
            "monitoringSchedule",
            "challengerTrial")) {
      Mocks.register(bean, new BeanStandIn(bean, calls));
    }
  }

  @AfterEach
  void noStandInsLeft() {
    Mocks.reset();
  }

  private JavaDelegate delegate(String name) {
    return execution -> calls.add(name);
  }

  private static String verdictVariable(String ruleSet) {
    return switch (ruleSet) {
      case "data-quality" -> "qualityVerdict";
      case "approval-policy" -> "policyVerdict";
      case "maintenance" -> "maintenanceVerdict";
      default -> throw new IllegalArgumentException("no rule set " + ruleSet + " in ai-engagement");
    };
  }

  private ProcessInstance startBefore(String activity, Map<String, Object> variables) {
    return engine
        .getRuntimeService()
        .createProcessInstanceByKey(ProcessKey.AI_ENGAGEMENT.key())
        .businessKey("ENG-SEGMENT")
        .setVariables(variables)
        .startBeforeActivity(activity)
        .execute();
  }

  private static Map<String, Object> engagement() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dataChaseAfter", "P3D");
    variables.put("trainingRound", 1);
    return variables;
  }

  private Task task(ProcessInstance instance, String activity) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(activity)
        .singleResult();
  }

  private void complete(ProcessInstance instance, String activity, Map<String, Object> form) {
    engine.getTaskService().complete(task(instance, activity).getId(), form);
  }

  private List<LockedExternalTask> lock(ExternalTopic topic) {
    return engine
        .getExternalTaskService()
        .fetchAndLock(10, "segment-test")
        .topic(topic.topic(), 30_000)
        .variables("algorithm")
        .execute();
  }

  private void completeAll(ExternalTopic topic) {
    for (LockedExternalTask locked : lock(topic)) {
      engine.getExternalTaskService().complete(locked.getId(), "segment-test");
    }
  }

  private void runJobs(ProcessInstance instance) {
    for (Job job :
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .messages()
            .list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  private void checkOnNewData(ProcessInstance instance) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(ProcessMessage.MONITORING_DATA_RECEIVED.messageName())
        .processInstanceId(instance.getId())
        .correlate();
    completeAll(ExternalTopic.CHECK_DRIFT);
  }

  @Test
  void aRejectedDatasetGoesBackToTheClientAndTheEngagementWaitsForTheNextOne() {
    verdicts.put("data-quality", Quality.REJECT.name());
    ProcessInstance instance = startBefore("Task_CheckDataQuality", engagement());

    assertThat(instance).isWaitingAt("Task_RequestNewData");
    assertThat(calls).containsExactly("applyRules data-quality", "audit.qualityVerdict");

    complete(instance, "Task_RequestNewData", Map.of());
    assertThat(instance).isWaitingAt("Task_AwaitDataset");
    assertThat(engine.getManagementService().createJobQuery().timers().count())
        .as("the client is chased if no data comes")
        .isEqualTo(1);

    engine
        .getRuntimeService()
        .createMessageCorrelation(ProcessMessage.DATASET_RECEIVED.messageName())
        .processInstanceBusinessKey("ENG-SEGMENT")
        .correlate();
    assertThat(lock(ExternalTopic.PROFILE_DATASET)).hasSize(1);
    assertThat(calls).endsWith("requirementsRecord.restore").doesNotContain("prepareDataset");
  }

  @Test
  void anAcceptedDatasetIsPreparedAndEveryLearnerTrainsAsItsOwnExternalTask() {
    verdicts.put("data-quality", Quality.CLEAN.name());
    verdicts.put("approval-policy", "CLEAR");
    ProcessInstance instance = startBefore("Task_CheckDataQuality", engagement());

    List<LockedExternalTask> candidates = lock(ExternalTopic.TRAIN_CANDIDATE);
    assertThat(candidates)
        .extracting(locked -> locked.getVariables().get("algorithm"))
        .containsExactlyInAnyOrder(BeanStandIn.LEARNERS.toArray());
    assertThat(calls).contains("prepareDataset", "requirementsRecord.algorithms");

    candidates.forEach(
        locked -> engine.getExternalTaskService().complete(locked.getId(), "segment-test"));
    assertThat(instance).isWaitingAt("Task_ApproveModel");
    assertThat(calls)
        .containsSubsequence(
            "trainingTasks.requireCandidate",
            "trainingTasks.requireCandidate",
            "selectChampion",
            "requirementsRecord.restore",
            "applyRules approval-policy",
            "policyVerdicts.record");
  }

  @Test
  void aChampionUnderItsThresholdIsReviewedNotPutBeforeTheRiskOfficer() {
    championMeetsThreshold = false;
    ProcessInstance instance = startBefore("Task_SelectChampion", engagement());

    assertThat(instance).isWaitingAt("Task_ReviewTrainingResult");
    assertThat(calls).doesNotContain("applyRules approval-policy");

    complete(instance, "Task_ReviewTrainingResult", Map.of("reviewDecision", "retrain"));
    assertThat(lock(ExternalTopic.TRAIN_CANDIDATE)).hasSize(BeanStandIn.LEARNERS.size());
    assertThat(calls).contains("validateReview");
  }

  @Test
  void closingAfterAReviewEndsTheEngagementAndTheAuditTrailHearsOfIt() {
    championMeetsThreshold = false;
    ProcessInstance instance = startBefore("Task_SelectChampion", engagement());

    complete(instance, "Task_ReviewTrainingResult", Map.of("reviewDecision", "close"));
    assertThat(instance).isEnded();
    assertThat(calls).endsWith("audit.engagementClosed");
  }

  @Test
  void aRejectedModelIsNeverDeployed() {
    ProcessInstance instance = startBefore("Task_ApproveModel", engagement());

    complete(instance, "Task_ApproveModel", Map.of("approved", false));
    assertThat(instance).isWaitingAt("Task_ReviewTrainingResult");
    assertThat(calls).contains("recordApproval").doesNotContain("deployModel");
  }

  @Test
  void anApprovedModelIsDeployedInItsOwnTransactionThenWatchedOnTwoTriggers() {
    ProcessInstance instance = startBefore("Task_ApproveModel", engagement());

    complete(instance, "Task_ApproveModel", Map.of("approved", true));
    assertThat(calls).containsExactly("recordApproval");
    assertThat(instance).isWaitingAt("Task_DeployModel");

    runJobs(instance);
    assertThat(calls).contains("deployModel", "compareChallenger");
    assertThat(instance).isWaitingAt("Gateway_NextCheck");
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .timers()
                .activityId("Timer_CheckDue")
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getRuntimeService()
                .createEventSubscriptionQuery()
                .eventName(ProcessMessage.MONITORING_DATA_RECEIVED.messageName())
                .count())
        .isEqualTo(1);
  }

  @Test
  void aWarningIsPutBeforeAProjectManagerOnceWhileMonitoringGoesOn() {
    verdicts.put("maintenance", Maintenance.WARN.name());
    ProcessInstance instance = startBefore("Task_ApplyMaintenanceRules", engagement());

    assertThat(instance).isWaitingAt("Task_ReviewMonitoringFindings", "Gateway_NextCheck");
    checkOnNewData(instance);
    assertThat(calls).containsSubsequence("applyRules maintenance", "applyRules maintenance");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskDefinitionKey("Task_ReviewMonitoringFindings")
                .count())
        .as("a second warning while the first is under review adds no task")
        .isEqualTo(1);

    complete(instance, "Task_ReviewMonitoringFindings", Map.of("findingsDecision", "keep"));
    verdicts.put("maintenance", Maintenance.WARN.name());
    checkOnNewData(instance);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskDefinitionKey("Task_ReviewMonitoringFindings")
                .count())
        .as("once reviewed, the next warning is put before a project manager again")
        .isEqualTo(1);
  }

  @Test
  void anOkVerdictGoesOnMonitoringWithNobodyAsked() {
    verdicts.put("maintenance", Maintenance.OK.name());
    ProcessInstance instance = startBefore("Task_ApplyMaintenanceRules", engagement());

    assertThat(instance).isWaitingAt("Gateway_NextCheck");
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
  }

  @Test
  void aRollbackWaitsForTheRiskOfficerAndRollsBackOnlyOnTheirWord() {
    verdicts.put("maintenance", Maintenance.ROLLBACK.name());
    ProcessInstance instance = startBefore("Task_ApplyMaintenanceRules", engagement());

    assertThat(instance).isWaitingAt("Task_ConfirmRollback");
    assertThat(calls).doesNotContain("rollBackModel");

    complete(instance, "Task_ConfirmRollback", Map.of("rollbackDecision", "rollback"));
    runJobs(instance);
    assertThat(calls).containsSubsequence("recordRollbackDecision", "rollBackModel");
    assertThat(instance).isWaitingAt("Gateway_NextCheck");
  }

  @Test
  void retrainingWithNewLabelledRowsProfilesThemAndWithoutAsksTheClient() {
    verdicts.put("maintenance", Maintenance.RETRAIN.name());
    retrainingRows = 120;
    ProcessInstance withRows = startBefore("Task_ApplyMaintenanceRules", engagement());
    runJobs(withRows);
    assertThat(calls).contains("assembleRetrainingData");
    assertThat(lock(ExternalTopic.PROFILE_DATASET)).hasSize(1);

    retrainingRows = 0;
    ProcessInstance withoutRows = startBefore("Task_ApplyMaintenanceRules", engagement());
    runJobs(withoutRows);
    assertThat(withoutRows).isWaitingAt("Task_AwaitDataset");
  }

  /**
   * Stands in for the beans the BPMN calls by method ({@code ${audit.qualityVerdict(execution)}}):
   * records "bean.method" and answers what the process needs to go on.
   */
  public static final class BeanStandIn {
    static final List<String> LEARNERS =
        List.of("weka.classifiers.trees.J48", "weka.classifiers.bayes.NaiveBayes");
    private final String bean;
    private final List<String> calls;

    BeanStandIn(String bean, List<String> calls) {
      this.bean = bean;
      this.calls = calls;
    }

    private void called(String method) {
      calls.add(bean + "." + method);
    }

    public void engagementOpened(DelegateExecution execution) {
      called("engagementOpened");
    }

    public void engagementClosed(DelegateExecution execution) {
      called("engagementClosed");
    }

    public void qualityVerdict(DelegateExecution execution) {
      called("qualityVerdict");
    }

    public void maintenanceVerdict(DelegateExecution execution) {
      called("maintenanceVerdict");
    }

    public void requireCandidate(DelegateExecution execution) {
      called("requireCandidate");
    }

    public void requireWorker(DelegateExecution execution) {
      called("requireWorker");
    }

    public void restore(DelegateExecution execution) {
      called("restore");
    }

    public List<String> algorithms(DelegateExecution execution) {
      called("algorithms");
      return LEARNERS;
    }

    public void record(DelegateExecution execution) {
      called("record");
    }

    public String getCycle() {
      return "R/PT1H";
    }

    public String getLookEvery() {
      return "PT1H";
    }
  }
}
