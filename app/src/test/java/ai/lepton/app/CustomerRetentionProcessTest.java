package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.NewModelVersion;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.training.TrainingResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * The customer-retention process on the real engine with a J48 churn model trained on wa_churn and
 * deployed: rows of wa_churn go through model-decision and the churn-retention rules, automated
 * actions leave through the Camel outbox route, escalations reach an account manager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerRetentionProcessTest extends ProcessTestSupport {

  private static final String MODEL = "churn-risk-retention-test";
  private static final Path OUTBOX = Path.of("target/process-test-data/outbox/retention-actions");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired DatasetStore datasets;
  @Autowired ModelRegistry registry;
  @Autowired DeployedModels deployed;
  @Autowired ai.lepton.ml.engagement.RequirementsRecord requirements;
  @Autowired DecisionLog log;
  @Autowired ai.lepton.ml.monitoring.MonitoringService monitoring;
  @Autowired ai.lepton.rules.RuleService rules;

  private Instances customers;
  private Classifier model;

  @BeforeAll
  void deployAChurnModel() throws Exception {
    byte[] bytes;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("data/wa_churn.csv")) {
      bytes = in.readAllBytes();
    }
    DatasetReader.Parsed parsed = DatasetReader.read(bytes, null, "wa_churn");
    StoredDataset raw =
        datasets.storeUpload("ENG-TEST-RETENTION", "wa_churn.csv", bytes, parsed, "ds");
    customers =
        DatasetPreparer.prepare(parsed.instances(), "churn", ProblemType.CLASSIFICATION).data();
    StoredDataset prepared = datasets.storeDerived(raw, customers, List.of());
    AlgorithmSpec j48 = AlgorithmSpec.parse("weka.classifiers.trees.J48 -C 0.25 -M 2");
    TrainingResult trained = CrossValidationTrainer.train(customers, j48, 10, 1);
    String version =
        registry.register(
            new NewModelVersion(
                MODEL,
                "ENG-TEST-RETENTION",
                null,
                1,
                "classification",
                "churn",
                j48,
                1,
                10,
                prepared.id(),
                prepared.sha256(),
                trained));
    requirements.record(
        new ai.lepton.ml.engagement.Requirements(
            "ENG-TEST-RETENTION",
            0,
            "test",
            "churn",
            "classification",
            MODEL,
            "pctCorrect",
            0,
            "weka.classifiers.trees.J48",
            10,
            1,
            "",
            null,
            null,
            null,
            "ds",
            null,
            Instant.now(),
            "churn-retention",
            null,
            null,
            null));
    registry.changeStatus(version, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "retention test");
    registry.recordApproval(
        new Approval(
            version,
            "ENG-TEST-RETENTION",
            true,
            "mro",
            "retention test",
            Map.of("modelSha256", registry.get(version).modelSha256()),
            null,
            Instant.now()));
    registry.changeStatus(version, ModelStatus.DEPLOYED, "mro", "retention test");
    deployed.refresh(MODEL);
    model =
        (Classifier) SerializationHelper.readAll(new ByteArrayInputStream(trained.modelBytes()))[0];
  }

  @Test
  void aLikelyChurnerOnAMonthlyContractGetsAnAutomatedActionThroughTheOutbox() throws Exception {
    int row =
        findCustomer(
            p -> p >= 0.5,
            c ->
                c.stringValue(c.dataset().attribute("contract")).equals("Month-to-month")
                    && value(c, "monthly_charges") < 100
                    && value(c, "tenure") < 48);

    ProcessInstance pi = start(row);
    runEachJobOnce(pi);

    assertThat(pi).hasPassed("Task_DecideRetention", "Task_SendRetentionAction").isEnded();
    String action = (String) historic(pi, "retentionAction");
    assertThat(action).isIn("OFFER_DISCOUNT", "RETENTION_CALL");
    JsonNode sent = JSON.readTree(OUTBOX.resolve("ra-" + pi.getId() + ".json").toFile());
    assertThat(sent.path("action").asText()).isEqualTo(action);
    assertThat(sent.path("customerId").asText()).isEqualTo("row-" + row);
    assertThat(sent.path("decidedBy").asText()).isEqualTo("churn-retention rules");
    assertThat(sent.path("decisionId").asText()).isEqualTo(historic(pi, "decisionId"));
    assertThat(sent.path("probability").asDouble())
        .isEqualTo(
            model
                .distributionForInstance(customers.instance(row))[
                customers.classAttribute().indexOfValue("Yes")]);
  }

  @Test
  void aLoyalCustomerNeedsNoActionAndNothingIsSent() throws Exception {
    int row = findCustomer(p -> p < 0.2, c -> true);
    ProcessInstance pi = start(row);
    assertThat(pi).hasPassed("EndEvent_NoAction").isEnded();
    assertThat(OUTBOX.resolve("ra-" + pi.getId() + ".json")).doesNotExist();
  }

  @Test
  void anEscalatedCustomerGoesToAnAccountManagerWhoseOverrideNeedsAReasonAndIsLogged()
      throws Exception {
    int row = findCustomer(p -> p >= 0.5, c -> value(c, "monthly_charges") >= 100);
    ProcessInstance pi = start(row);

    assertThat(pi).isWaitingAt("Task_ReviewRetentionCase");
    assertThat(task(pi)).hasCandidateGroup(LeptonGroups.ACCOUNT_MANAGERS);
    assertThat((String) runtime.getVariable(pi.getId(), "modelDecision"))
        .isEqualTo("ESCALATE_TO_ACCOUNT_MANAGER");
    assertThat((String) runtime.getVariable(pi.getId(), "explanation")).contains("\"attribute\"");

    // Overriding the escalation without a reason is refused and the task stays open
    assertThatThrownBy(
            () ->
                as(
                    "am",
                    () ->
                        tasks.complete(
                            task(pi).getId(), Map.of("retentionAction", "OFFER_DISCOUNT"))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("a reason is required");
    assertThat(pi).isWaitingAt("Task_ReviewRetentionCase");

    // With a reason the account manager's action goes out, and the review is in the decision log
    as(
        "am",
        () ->
            tasks.complete(
                task(pi).getId(),
                Map.of(
                    "retentionAction",
                    "OFFER_DISCOUNT",
                    "overrideReason",
                    "customer asked for a cheaper plan last week")));
    runEachJobOnce(pi);
    assertThat(pi).hasPassed("Task_SendRetentionAction").isEnded();
    JsonNode sent = JSON.readTree(OUTBOX.resolve("ra-" + pi.getId() + ".json").toFile());
    assertThat(sent.path("action").asText()).isEqualTo("OFFER_DISCOUNT");
    assertThat(sent.path("decidedBy").asText()).isEqualTo("am");
    assertThat(sent.path("reason").asText())
        .isEqualTo("customer asked for a cheaper plan last week");
    assertThat(log.reviewsOf((String) historic(pi, "decisionId")))
        .singleElement()
        .satisfies(
            review -> {
              assertThat(review.reviewer()).isEqualTo("am");
              assertThat(review.overruled()).isTrue();
              assertThat(review.modelDecision()).isEqualTo("ESCALATE_TO_ACCOUNT_MANAGER");
              assertThat(review.finalDecision()).isEqualTo("OFFER_DISCOUNT");
            });
  }

  @Test
  void followingTheEscalationNeedsNoReasonAndANoActionChoiceSendsNothing() throws Exception {
    int row = findCustomer(p -> p >= 0.5, c -> value(c, "monthly_charges") >= 100);
    ProcessInstance personal = start(row);
    as(
        "am",
        () ->
            tasks.complete(
                task(personal).getId(), Map.of("retentionAction", "ACCOUNT_MANAGER_CALL")));
    runEachJobOnce(personal);
    assertThat(
            JSON.readTree(OUTBOX.resolve("ra-" + personal.getId() + ".json").toFile())
                .path("action")
                .asText())
        .isEqualTo("ACCOUNT_MANAGER_CALL");
    assertThat(log.reviewsOf((String) historic(personal, "decisionId")))
        .singleElement()
        .satisfies(review -> assertThat(review.overruled()).isFalse());

    ProcessInstance dropped = start(row);
    as(
        "am",
        () ->
            tasks.complete(
                task(dropped).getId(),
                Map.of(
                    "retentionAction",
                    "NO_ACTION",
                    "overrideReason",
                    "customer is moving abroad")));
    assertThat(dropped).hasPassed("EndEvent_ClosedWithoutAction").isEnded();
    assertThat(OUTBOX.resolve("ra-" + dropped.getId() + ".json")).doesNotExist();
  }

  @Test
  void withoutADeployedModelTheCustomerGoesToAnAccountManagerWithTheReason() {
    ProcessInstance pi =
        as(
            "pm",
            () ->
                runtime.startProcessInstanceByKey(
                    "customer-retention",
                    Map.of(
                        "features",
                        "{\"tenure\": 3}",
                        "customerId",
                        "C-404",
                        "modelName",
                        "no-such-churn-model")));
    assertThat(pi).isWaitingAt("Task_ReviewRetentionCase");
    assertThat((String) runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("MODEL_NOT_FOUND");
    assertThatThrownBy(
            () ->
                as(
                    "am",
                    () ->
                        tasks.complete(
                            task(pi).getId(), Map.of("retentionAction", "ACCOUNT_MANAGER_CALL"))))
        .hasMessageContaining("No model answered for this customer");
  }

  @Test
  void outcomesThatProveThePredictionsWrongShowAsFallingAccuracy() throws Exception {
    String version = registry.deployedUnder(MODEL).get(0);
    double before = (double) log.recentAccuracy(version, 1000).get("accuracy");
    int wrongBefore =
        ((Number) log.recentAccuracy(version, 1000).get("labelled")).intValue()
            - ((Number) log.recentAccuracy(version, 1000).get("correct")).intValue();
    for (int row = 0; row < 5; row++) {
      ProcessInstance pi = start(row);
      String decisionId =
          (String)
              (pi.isEnded()
                  ? historic(pi, "decisionId")
                  : runtime.getVariable(pi.getId(), "decisionId"));
      String predicted =
          (String)
              (pi.isEnded()
                  ? historic(pi, "prediction")
                  : runtime.getVariable(pi.getId(), "prediction"));
      assertThat(log.recordOutcome(decisionId, predicted.equals("Yes") ? "No" : "Yes", "pm"))
          .isFalse();
    }
    Map<String, Object> after = log.recentAccuracy(version, 1000);
    assertThat(
            ((Number) after.get("labelled")).intValue()
                - ((Number) after.get("correct")).intValue())
        .isEqualTo(wrongBefore + 5);
    assertThat((double) after.get("accuracy"))
        .isLessThan(Double.isNaN(before) ? 1.0 : before + 1e-9);
  }

  @Test
  void aMonitoringCheckSeesNoDriftInOrdinaryCustomersAndDriftInLongStandingOnes() {
    String version = registry.deployedUnder(MODEL).get(0);
    Instances shuffled = new Instances(customers);
    shuffled.randomize(new java.util.Random(7));
    Instances ordinary = new Instances(shuffled, 0, shuffled.numInstances() / 2);

    Map<String, Object> calm =
        monitoring.check(version, ordinary, List.of(), "random half of wa_churn", "pm");
    assertThat(((Number) calm.get("significantDrift")).intValue()).isZero();
    assertThat(((Number) calm.get("moderateDrift")).intValue()).isZero();
    assertThat(
            rules
                .apply(
                    ai.lepton.rules.RuleSet.MAINTENANCE,
                    n -> n.equals("monitoringResult") ? calm : null)
                .getDecision())
        .isIn("OK");

    Instances loyal = new Instances(customers, 0);
    customers.stream()
        .filter(c -> c.value(customers.attribute("tenure")) >= 48)
        .forEach(loyal::add);
    Map<String, Object> drifted =
        monitoring.check(version, loyal, List.of(), "customers with tenure >= 48", "pm");
    assertThat(((Number) drifted.get("significantDrift")).intValue()).isGreaterThanOrEqualTo(3);
    assertThat(drifted.get("mostDrifted")).isIn("tenure", "total_charges");
    assertThat(
            rules
                .apply(
                    ai.lepton.rules.RuleSet.MAINTENANCE,
                    n -> n.equals("monitoringResult") ? drifted : null)
                .getDecision())
        .isEqualTo("RETRAIN");

    assertThat(monitoring.checksOf(version))
        .extracting(c -> c.get("checkId"))
        .containsSubsequence(drifted.get("checkId"), calm.get("checkId"));
  }

  // --- helpers ---

  private ProcessInstance start(int row) throws IOException {
    Map<String, Object> features = new LinkedHashMap<>();
    Instance customer = customers.instance(row);
    for (int a = 0; a < customers.numAttributes(); a++) {
      if (a != customers.classIndex() && !customer.isMissing(a)) {
        features.put(
            customers.attribute(a).name(),
            customers.attribute(a).isNumeric() ? customer.value(a) : customer.stringValue(a));
      }
    }
    String json = JSON.writeValueAsString(features);
    return as(
        "pm",
        () ->
            runtime.startProcessInstanceByKey(
                "customer-retention",
                Map.of("features", json, "customerId", "row-" + row, "modelName", MODEL)));
  }

  /** The first wa_churn row whose churn probability and attributes match. */
  private int findCustomer(Predicate<Double> churnProbability, Predicate<Instance> attributes)
      throws Exception {
    int yes = customers.classAttribute().indexOfValue("Yes");
    for (int row = 0; row < customers.numInstances(); row++) {
      Instance customer = customers.instance(row);
      if (!customer.hasMissingValue()
          && attributes.test(customer)
          && churnProbability.test(model.distributionForInstance(customer)[yes])) {
        return row;
      }
    }
    throw new IllegalStateException("No wa_churn customer matches");
  }

  private static double value(Instance customer, String attribute) {
    return customer.value(customer.dataset().attribute(attribute));
  }

  private Object historic(ProcessInstance pi, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private void runEachJobOnce(ProcessInstance pi) {
    for (Job job : management.createJobQuery().processInstanceId(pi.getId()).list()) {
      management.executeJob(job.getId());
    }
  }

  private <T> T as(String user, Supplier<T> work) {
    return as(
        user,
        user.equals("am") ? LeptonGroups.ACCOUNT_MANAGERS : LeptonGroups.PROJECT_MANAGERS,
        work);
  }

  private void as(String user, Runnable work) {
    as(
        user,
        () -> {
          work.run();
          return null;
        });
  }
}
