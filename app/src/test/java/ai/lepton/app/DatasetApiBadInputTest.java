package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every refusal is a 4xx with {"error", "detail"} a person can act on, and what was accepted stays.
 */
class DatasetApiBadInputTest extends HttpTestSupport {

  private static final AtomicInteger ENGAGEMENTS = new AtomicInteger();

  @Autowired IdentityService identity;

  @Test
  void callsWithoutValidCredentialsGet401() {
    assertThat(get(null, "/api/models").status()).isEqualTo(401);
    assertThat(get(null, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(get("ghost:ghost", "/api/models").status()).isEqualTo(401);
    // A wrong password (on a user of its own: Camunda then locks the account for a few seconds)
    ensureUser("mallory", "auditors");
    assertThat(get("mallory:guess", "/api/models").status()).isEqualTo(401);
    Reply refused =
        post(null, "/api/engagements/ENG-X/datasets", "text/csv", "a,b\n1,2\n".getBytes());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.raw().headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> v.startsWith("Basic"));
    assertThat(refused.json().path("detail").asText()).contains("HTTP Basic");
  }

  @Test
  void unknownEngagementIs404() {
    Reply reply =
        post("ds", "/api/engagements/ENG-NOPE/datasets", "text/csv", "a,b\n1,2\n".getBytes());
    assertError(reply, 404, "ENG-NOPE");
  }

  @Test
  void badFilesAreRefusedAndTheEngagementKeepsWaiting() {
    String key = engagementWaitingForData();
    String path = "/api/engagements/" + key + "/datasets";

    assertError(post("ds", path, "text/csv", new byte[0]), 400, "empty");
    assertError(
        post(
            "ds",
            path,
            "application/octet-stream",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0x49, 0x48}),
        400,
        "not text");
    assertError(
        post("ds", path, "text/csv", "churn,tenure\nNo,1\nYes,2,9\n".getBytes()),
        400,
        "line 3 has 3 fields but the header has 2");
    assertError(
        post("ds", path, "text/csv", "tenure,charges\n1,2.5\n".getBytes()),
        400,
        "no column 'churn'");
    assertError(
        post(
            "ds",
            path,
            "text/plain",
            "@relation r\n@attribute churn {No,Yes}\n@data\nNo\nMaybe\n".getBytes()),
        400,
        "line 5");

    assertThat(taskWaitingForData(key)).isTrue();
    // Each refusal is in the audit trail, with who sent what and why
    JsonNode refusals = get("auditor", "/api/audit?limit=1000").json();
    List<JsonNode> mine = new ArrayList<>();
    refusals.forEach(
        entry -> {
          if (entry.path("type").asText().equals("DATASET_REFUSED")
              && entry.path("subjectId").asText().equals(key)) {
            mine.add(entry);
          }
        });
    assertThat(mine)
        .hasSize(5)
        .allSatisfy(entry -> assertThat(entry.path("actor").asText()).isEqualTo("ds"));
    assertThat(mine.get(2).path("payload").path("reason").asText()).contains("line 3 has 3 fields");
  }

  @Test
  void dataForAnEngagementNotWaitingIsStoredAndAnswered409() {
    // Given an engagement still at requirements
    String key = "ENG-BAD-" + ENGAGEMENTS.incrementAndGet();
    startEngagement("pm", key);

    // When data arrives early
    Reply reply =
        post(
            "ds",
            "/api/engagements/" + key + "/datasets?name=early.csv",
            "text/csv",
            "churn,tenure\nNo,1\nYes,2\n".getBytes());

    // Then the answer says so, and the dataset is kept
    assertError(reply, 409, "not waiting for data");
    String datasetId = reply.json().path("datasetId").asText();
    JsonNode stored = get("pm", "/api/datasets/" + datasetId).json();
    assertThat(stored.path("name").asText()).isEqualTo("early.csv");
    assertThat(stored.path("rows").asInt()).isEqualTo(2);
    assertThat(stored.at("/profile/attributes/0/values/Yes").asInt()).isEqualTo(1);
    assertThat(get("pm", "/api/datasets/" + datasetId + "/file").text())
        .isEqualTo("churn,tenure\nNo,1\nYes,2\n");
  }

  @Test
  void aDuplicateUploadReturnsTheStoredDatasetAndQuarantinedRowsAreListed() {
    String key = engagementWaitingForData();
    StringBuilder csv = new StringBuilder("churn,tenure\n");
    for (int i = 0; i < 300; i++) {
      csv.append(i % 3 == 0 ? "Yes" : "No").append(',').append(i).append('\n');
    }
    csv.append("No,5,extra\n");
    byte[] body = csv.toString().getBytes();

    Reply first = post("ds", "/api/engagements/" + key + "/datasets", "text/csv", body);
    Reply again = post("ds", "/api/engagements/" + key + "/datasets", "text/csv", body);

    assertThat(first.status()).as(first.text()).isEqualTo(201);
    assertThat(first.json().path("quarantinedRows").asInt()).isEqualTo(1);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("duplicate").asBoolean()).isTrue();
    assertThat(again.json().path("datasetId").asText())
        .isEqualTo(first.json().path("datasetId").asText());
    JsonNode quarantine =
        get("auditor", "/api/datasets/" + first.json().path("datasetId").asText() + "/quarantine")
            .json();
    assertThat(quarantine.path("count").asInt()).isEqualTo(1);
    assertThat(quarantine.at("/rows/0/line").asLong()).isEqualTo(302);
    assertThat(quarantine.at("/rows/0/reason").asText())
        .isEqualTo("has 3 fields but the header has 2");
  }

  @Test
  void monitoringDataTakesThePipelineAndSaysWhenNothingWaitsForIt() {
    String key = engagementWaitingForData();

    Reply reply =
        post(
            "ds",
            "/api/engagements/" + key + "/monitoring-data?name=june.csv",
            "text/csv",
            "churn,tenure\nNo,1\nYes,2\n".getBytes());

    // the engagement waits for its training data and has no live model to monitor: kept, answered
    // 409
    assertError(reply, 409, "has no live model to monitor yet");
    assertThat(
            get("pm", "/api/datasets/" + reply.json().path("datasetId").asText())
                .json()
                .path("name")
                .asText())
        .isEqualTo("june.csv");
    assertThat(taskWaitingForData(key)).isTrue();
  }

  @Test
  void anUploadOverTheSizeLimitIs413AndNothingIsStored() {
    String key = engagementWaitingForData();
    byte[] big = new byte[6_000_000];
    java.util.Arrays.fill(big, (byte) '1');

    assertError(
        post("ds", "/api/engagements/" + key + "/datasets", "text/csv", big),
        413,
        "over the 5 MB limit");
    assertThat(get("pm", "/api/engagements/" + key).json().path("datasets").size()).isZero();
    assertThat(taskWaitingForData(key)).isTrue();
  }

  @Test
  void mlcChurnOverHttpMovesTheEngagementOn() {
    String key = engagementWaitingForData();

    Reply reply =
        postFile(
            "ds",
            "/api/engagements/" + key + "/datasets",
            "mlc_churn.csv",
            resource("data/mlc_churn.csv"));

    assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    assertThat(reply.json().path("rows").asInt()).isEqualTo(5000);
    assertThat(reply.json().path("attributes").asInt()).isEqualTo(20);
    assertThat(taskWaitingForData(key)).isFalse();
  }

  @Test
  void auditorsCannotSendData() {
    String key = engagementWaitingForData();
    assertError(
        post(
            "auditor",
            "/api/engagements/" + key + "/datasets",
            "text/csv",
            "churn\nNo\n".getBytes()),
        403,
        "Only project managers and data scientists");
    assertThat(taskWaitingForData(key)).isTrue();
  }

  @Test
  void badRequirementsAre400OnTheForm() {
    String key = "ENG-BAD-" + ENGAGEMENTS.incrementAndGet();
    startEngagement("pm", key);
    String task = taskId("ds", key, "Task_AnalyseRequirements");

    Map<String, Object> unknownClass = requirements("weka.classifiers.trees.J99");
    Reply reply = completeTask("ds", task, unknownClass);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText())
        .contains("Weka has no classifier named 'weka.classifiers.trees.J99'");

    Map<String, Object> badOption = requirements("weka.classifiers.trees.J48 -C lots");
    assertThat(completeTask("ds", task, badOption).json().path("message").asText())
        .contains("Weka refuses the options '-C lots'");

    Map<String, Object> textThreshold = requirements("weka.classifiers.trees.J48");
    textThreshold.put("successThreshold", "high");
    reply = completeTask("ds", task, textThreshold);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText())
        .contains("successThreshold must be a number, not 'high'");

    Map<String, Object> personalData = requirements("weka.classifiers.trees.J48");
    personalData.put("piiColumns", "email");
    reply = completeTask("ds", task, personalData);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText())
        .contains("pseudonymisation key")
        .contains("LEPTON_PII_KEY");

    assertThat(taskId("ds", key, "Task_AnalyseRequirements")).isEqualTo(task);
  }

  @Test
  void aDuplicateOrMissingEngagementIdIsRefused() {
    String key = "ENG-BAD-" + ENGAGEMENTS.incrementAndGet();
    Reply opened =
        postJson(
            "pm",
            "/api/engagements",
            Map.of("engagementId", key, "client", "Telco", "engagementName", "Churn"));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    assertThat(opened.json().path("currentSteps").toString()).contains("Task_AnalyseRequirements");

    assertError(
        postJson(
            "pm",
            "/api/engagements",
            Map.of("engagementId", key, "client", "Other", "engagementName", "Clash")),
        409,
        "already exists");
    assertError(
        postJson("pm", "/api/engagements", Map.of("client", "Other", "engagementName", "No id")),
        400,
        "engagementId is required");
    assertError(
        postJson(
            "auditor",
            "/api/engagements",
            Map.of("engagementId", key + "-A", "client", "Other", "engagementName", "Audit")),
        403,
        "auditor");
    // Tasklist's start form (submit-form) gets a 400 with the reason
    Reply tasklist =
        postJson(
            "pm",
            "/engine-rest/process-definition/key/ai-engagement/submit-form",
            Map.of(
                "businessKey",
                key,
                "variables",
                variables(Map.of("client", "Other", "engagementName", "Clash"))));
    assertThat(tasklist.status()).as(tasklist.text()).isEqualTo(400);
    assertThat(tasklist.json().path("message").asText()).contains("already exists");
    assertThat(get("auditor", "/api/engagements/" + key).json().path("state").asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void unknownModelsAndDatasetsAre404() {
    assertError(get("auditor", "/api/models/mv-nope"), 404, "mv-nope");
    assertError(get("auditor", "/api/models/mv-nope/file"), 404, "mv-nope");
    assertError(get("auditor", "/api/datasets/ds-nope"), 404, "ds-nope");
  }

  @Test
  void theInitiatorCannotApproveOverRest() {
    // Given a risk officer who also manages projects opens an engagement and it trains (data sent
    // as a file upload)
    ensureUser("rita", "project-managers", "model-risk-officers");
    String key = "ENG-BAD-" + ENGAGEMENTS.incrementAndGet();
    startEngagement("rita", key);
    Map<String, Object> requirements = requirements("weka.classifiers.bayes.NaiveBayes");
    requirements.put("targetAttribute", "class");
    requirements.put("successThreshold", 0.5);
    completeTask("ds", taskId("ds", key, "Task_AnalyseRequirements"), requirements);
    Reply upload =
        postFile("ds", "/api/engagements/" + key + "/datasets", "credit-g.arff", creditG());
    assertThat(upload.status()).as(upload.text()).isEqualTo(201);
    assertThat(upload.json().path("format").asText()).isEqualTo("arff");
    waitFor(
        "Approve model",
        Duration.ofMinutes(2),
        () -> taskId("mro", key, "Task_ApproveModel") != null);

    // When she approves her own engagement's model
    Reply reply =
        completeTask(
            "rita",
            taskId("mro", key, "Task_ApproveModel"),
            Map.of("approved", true, "approvalReason", "looks fine"));

    // Then the server refuses, and the task still waits
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().path("message").asText()).contains("rita started this engagement");
    assertThat(taskId("mro", key, "Task_ApproveModel")).isNotNull();
  }

  private String engagementWaitingForData() {
    String key = "ENG-BAD-" + ENGAGEMENTS.incrementAndGet();
    startEngagement("pm", key);
    assertThat(
            completeTask(
                    "ds",
                    taskId("ds", key, "Task_AnalyseRequirements"),
                    requirements("weka.classifiers.trees.J48"))
                .status())
        .isEqualTo(204);
    assertThat(taskWaitingForData(key)).isTrue();
    return key;
  }

  private boolean taskWaitingForData(String key) {
    JsonNode instances = get("pm", "/engine-rest/process-instance?businessKey=" + key).json();
    String id = instances.get(0).path("id").asText();
    JsonNode activities =
        get("pm", "/engine-rest/process-instance/" + id + "/activity-instances").json();
    return activities.toString().contains("\"activityId\":\"Task_AwaitDataset\"");
  }

  private static Map<String, Object> requirements(String algorithms) {
    Map<String, Object> values = new HashMap<>();
    values.put("targetAttribute", "churn");
    values.put("problemType", "classification");
    values.put("modelName", "churn-bad-input");
    values.put("successMetric", "pctCorrect");
    values.put("successThreshold", 70);
    values.put("algorithms", algorithms);
    return values;
  }

  private void ensureUser(String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id);
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
  }

  private static void assertError(Reply reply, int status, String detail) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(body.path("error").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).contains(detail);
  }
}
