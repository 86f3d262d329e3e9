package example.loans;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.api.DatasetIntake;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bank's application with Lepton's starter added: one engine runs both the bank's loan
 * processes and Lepton's engagement. A credit-risk model is trained, approved by a second person
 * and deployed through Lepton's own {@code ai-engagement} process; then the bank's {@code
 * loan-request} calls it as a call activity and its {@code loan-prescreen} as service tasks, and
 * Lepton's decision log keeps every decision.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "lepton.data-dir=target/lepton-data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoanProcessesWithLeptonTest {

  private static final String ENGAGEMENT = "ENG-LOANS-" + System.currentTimeMillis();

  /** The first applicant of Weka's German credit data. */
  private static final String APPLICANT =
      "{\"checking_status\": \"<0\", \"duration\": 6, \"credit_history\":"
          + " \"critical/other existing credit\", \"purpose\": \"radio/tv\", \"credit_amount\": 1169, \"savings_status\":"
          + " \"no known savings\", \"employment\": \">=7\", \"installment_commitment\": 4, \"personal_status\":"
          + " \"male single\", \"other_parties\": \"none\", \"residence_since\": 4, \"property_magnitude\":"
          + " \"real estate\", \"age\": 67, \"other_payment_plans\": \"none\", \"housing\": \"own\", \"existing_credits\":"
          + " 2, \"job\": \"skilled\", \"num_dependents\": 1, \"own_telephone\": \"yes\", \"foreign_worker\": \"yes\"}";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DatasetIntake intake;
  @Autowired ModelRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeAll
  void users() {
    user("lendingpm", "project-managers");
    user("lendingds", "data-scientists");
    user("lendingmro", "model-risk-officers");
  }

  @Test
  @Order(1)
  void theEngineRunsTheBanksProcessesAndLeptonsSideBySide() {
    List<String> keys =
        repository.createProcessDefinitionQuery().latestVersion().list().stream()
            .map(definition -> definition.getKey())
            .toList();
    assertThat(keys).contains("loan-request", "loan-prescreen", "ai-engagement", "model-decision");
  }

  @Test
  @Order(2)
  void eachKeepsItsOwnTablesAndMigrationHistory() {
    assertThat(
            jdbc.queryForList(
                "select \"description\" from \"flyway_schema_history\" where \"version\" is not null",
                String.class))
        .containsExactly("loan book");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from \"lepton_schema_history\" where \"success\"", Integer.class))
        .isGreaterThanOrEqualTo(12);
    assertThat(jdbc.queryForObject("select count(*) from loan_book", Integer.class)).isNotNull();
  }

  @Test
  @Order(3)
  void aModelIsTrainedApprovedByASecondPersonAndDeployedThroughLeptonsEngagement()
      throws Exception {
    as(
        "lendingpm",
        "project-managers",
        () ->
            runtime.startProcessInstanceByKey(
                "ai-engagement",
                ENGAGEMENT,
                Map.of(
                    "client",
                    "Retail lending",
                    "engagementName",
                    "Credit risk of loan applicants")));
    as(
        "lendingds",
        "data-scientists",
        () -> {
          Task requirements =
              tasks.createTaskQuery().processInstanceBusinessKey(ENGAGEMENT).singleResult();
          tasks.complete(
              requirements.getId(),
              Map.of(
                  "intendedUse",
                  "loan-request decides consumer loans; uncertain cases go to an underwriter",
                  "targetAttribute",
                  "class",
                  "problemType",
                  "classification",
                  "modelName",
                  "credit-risk",
                  "successMetric",
                  "weightedAreaUnderROC",
                  "successThreshold",
                  0.7,
                  "algorithms",
                  "weka.classifiers.bayes.NaiveBayes",
                  "ruleSets",
                  "credit-decision"));
          return intake.receive(ENGAGEMENT, "credit-g.arff", creditData(), DatasetFormat.ARFF);
        });

    Task approval =
        waitFor(
            () ->
                Optional.ofNullable(
                    tasks
                        .createTaskQuery()
                        .processInstanceBusinessKey(ENGAGEMENT)
                        .taskDefinitionKey("Task_ApproveModel")
                        .singleResult()),
            Duration.ofMinutes(3));
    as(
        "lendingmro",
        "model-risk-officers",
        () -> {
          tasks.complete(
              approval.getId(),
              Map.of(
                  "approved",
                  true,
                  "approvalReason",
                  "Cross-validated AUC above the threshold; data-quality findings reviewed"));
          return null;
        });

    ModelVersion live =
        waitFor(() -> registry.liveAt("credit-risk", Instant.now()), Duration.ofMinutes(1));
    assertThat(live.engagementKey()).isEqualTo(ENGAGEMENT);
  }

  @Test
  @Order(4)
  void theLoanRequestCallsLeptonsDecisionAsACallActivity() {
    ProcessInstance loan =
        runtime.startProcessInstanceByKey("loan-request", "LOAN-1", Map.of("features", APPLICANT));
    HistoricProcessInstance finished =
        history.createHistoricProcessInstanceQuery().processInstanceId(loan.getId()).singleResult();
    String decision = variable(loan.getId(), "loanDecision");
    assertThat(decision).isIn("APPROVE", "DECLINE", "MANUAL_REVIEW");
    assertThat(variable(loan.getId(), "errorCode")).isNull();
    String decisionId = variable(loan.getId(), "decisionId");
    assertThat(
            jdbc.queryForMap(
                "select model_name, rule_set, decision from lepton_decision where id = ?",
                decisionId))
        .containsEntry("MODEL_NAME", "credit-risk")
        .containsEntry("RULE_SET", "credit-decision")
        .containsEntry("DECISION", decision);
    if (decision.equals("APPROVE")) {
      assertThat(finished.getEndActivityId()).isEqualTo("EndEvent_LoanOffered");
      assertThat(
              jdbc.queryForObject(
                  "select decision_id from loan_book where application_id = 'LOAN-1'",
                  String.class))
          .isEqualTo(decisionId);
    }
  }

  @Test
  @Order(5)
  void thePrescreenScoresAppliesRulesAndLogsAsServiceTasks() {
    ProcessInstance screen =
        runtime.startProcessInstanceByKey(
            "loan-prescreen", "SCREEN-1", Map.of("applicant", APPLICANT));
    HistoricProcessInstance finished =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(screen.getId())
            .singleResult();
    assertThat(finished.getEndActivityId()).isEqualTo("EndEvent_Screened");
    String decisionId = variable(screen.getId(), "decisionId");
    assertThat(
            jdbc.queryForObject(
                "select decision from lepton_decision where id = ?", String.class, decisionId))
        .isEqualTo(variable(screen.getId(), "decision"));
    // the inputs stayed on their tasks: the model and rule set are what the template fields said,
    // nothing else
    assertThat(variable(screen.getId(), "modelName")).isNull();
  }

  @Test
  @Order(6)
  void aModelNobodyDeployedIsNoAnswerAndTheLoanGoesToAnUnderwriter() {
    ProcessInstance loan =
        runtime.startProcessInstanceByKey(
            "loan-request", "LOAN-2", Map.of("features", "{\"not\": \"an applicant\"}"));
    assertThat(variable(loan.getId(), "loanDecision")).isNull();
    assertThat(variable(loan.getId(), "errorCode")).isNotNull();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(loan.getId())
                .taskDefinitionKey("Task_Underwrite")
                .count())
        .isEqualTo(1);
  }

  @Test
  @Order(7)
  void lastMonthsOutcomesGoToTheLiveModelsEngagementAsMonitoringData() throws Exception {
    ModelVersion live = registry.liveAt("credit-risk", Instant.now()).orElseThrow();
    int checksBefore = checks(live.id());
    ProcessInstance report =
        runtime.startProcessInstanceByKey(
            "loan-outcomes",
            Map.of(
                "creditEngagement",
                ENGAGEMENT,
                "outcomes",
                org.camunda.bpm.engine.variable.Variables.fileValue("outcomes-last-month.arff")
                    .file(firstApplicants(500))
                    .mimeType("text/plain")
                    .create()));
    HistoricProcessInstance reported =
        waitFor(
            () ->
                Optional.ofNullable(
                    history
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(report.getId())
                        .finished()
                        .singleResult()),
            Duration.ofMinutes(1));
    assertThat(reported.getEndActivityId()).isEqualTo("EndEvent_Reported");
    String datasetId = variable(report.getId(), "outcomesDatasetId");
    assertThat(
            jdbc.queryForMap(
                "select engagement_key, created_by, row_count from lepton_dataset where id = ?",
                datasetId))
        .containsEntry("ENGAGEMENT_KEY", ENGAGEMENT)
        .containsEntry("CREATED_BY", "process:loan-outcomes")
        .containsEntry("ROW_COUNT", 500);
    // the engagement checks its live model on them at once
    waitFor(
        () -> Optional.of(checks(live.id())).filter(n -> n > checksBefore), Duration.ofMinutes(1));

    // a report Lepton cannot read goes to the lending team with the reason
    ProcessInstance unreadable =
        runtime.startProcessInstanceByKey(
            "loan-outcomes",
            Map.of(
                "creditEngagement",
                ENGAGEMENT,
                "outcomes",
                "@relation outcomes\n@attribute amount numeric\n@data\n{broken\n"));
    waitFor(
        () ->
            Optional.ofNullable(
                tasks
                    .createTaskQuery()
                    .processInstanceId(unreadable.getId())
                    .taskDefinitionKey("Task_LookIntoReport")
                    .singleResult()),
        Duration.ofMinutes(1));
    assertThat(variable(unreadable.getId(), "errorCode")).isEqualTo("DATASET_REFUSED");
    assertThat(variable(unreadable.getId(), "errorMessage")).isNotBlank();
  }

  @Test
  @Order(8)
  void aProcessNoAdministratorListedCannotSendData() throws Exception {
    repository
        .createDeployment()
        .addModelInstance(
            "unlisted-sender.bpmn",
            org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("unlisted-sender")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Send")
                .camundaDelegateExpression("${sendDataset}")
                .camundaAsyncBefore()
                .camundaInputParameter("engagementId", ENGAGEMENT)
                .camundaInputParameter("datasetVariable", "rows")
                .camundaInputParameter("datasetPurpose", "monitoring")
                .endEvent()
                .done())
        .deploy();
    long refusalsBefore = refusals();
    ProcessInstance sender =
        runtime.startProcessInstanceByKey("unlisted-sender", Map.of("rows", firstApplicants(300)));
    org.camunda.bpm.engine.runtime.Incident incident =
        waitFor(
            () ->
                Optional.ofNullable(
                    runtime.createIncidentQuery().processInstanceId(sender.getId()).singleResult()),
            Duration.ofMinutes(1));
    assertThat(incident.getIncidentMessage()).contains("lepton.ingest.process-senders");
    assertThat(refusals()).isGreaterThan(refusalsBefore);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from lepton_dataset where created_by = 'process:unlisted-sender'",
                Integer.class))
        .isZero();
  }

  @Test
  @Order(9)
  void leptonsApiInAHostWithoutALoginAnswersNobody() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/api/models", "/api/decisions?model=credit-risk", "/api/audit")) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(401);
      assertThat(answer.body()).contains("no user is logged in");
    }
  }

  /** A variable of the process instance itself (a task's own input parameters are not). */
  private String variable(String processInstanceId, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(name)
        .list()
        .stream()
        .filter(v -> processInstanceId.equals(v.getExecutionId()))
        .findFirst()
        .map(v -> v.getValue() == null ? null : v.getValue().toString())
        .orElse(null);
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id + "-password");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  private <T> T as(String user, String group, Supplier<T> work) {
    identity.setAuthentication(user, List.of(group));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static <T> T waitFor(Supplier<Optional<T>> probe, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Not reached within " + limit);
  }

  private int checks(String modelVersionId) {
    return jdbc.queryForObject(
        "select count(*) from lepton_monitoring_check where model_version_id = ?",
        Integer.class,
        modelVersionId);
  }

  private long refusals() {
    return jdbc.queryForObject(
        "select count(*) from lepton_audit where entry_type = 'AUTHORIZATION_REFUSED'", Long.class);
  }

  /** The German credit data's header and its first applicants, with their outcomes. */
  private static byte[] firstApplicants(int count) {
    String arff = new String(creditData(), java.nio.charset.StandardCharsets.UTF_8);
    int data = arff.toLowerCase(java.util.Locale.ROOT).indexOf("@data") + "@data".length();
    List<String> rows =
        arff.substring(data).lines().filter(l -> !l.isBlank() && !l.startsWith("%")).toList();
    return (arff.substring(0, data) + "\n" + String.join("\n", rows.subList(0, count)) + "\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Weka's German credit data, from the Weka jar that Lepton brings. */
  private static byte[] creditData() {
    try (InputStream in =
        LoanProcessesWithLeptonTest.class
            .getClassLoader()
            .getResourceAsStream("weka/gui/knowledgeflow/templates/credit-g.arff")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
