package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.work.EmbeddedWorker;
import ai.lepton.worker.LeptonWorker;
import ai.lepton.worker.WorkerSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Training on a standalone worker: the application's own worker is paused, so <em>Train
 * candidate</em> waits as an external task until a worker with a {@code lepton-workers} service
 * account fetches and locks it over Camunda's REST API and hands the candidate back through
 * Lepton's. The protocol's refusals first, then the real worker (which also trains whatever else
 * waits, such as the demo's candidates).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneWorkerTest extends HttpTestSupport {

  private static final String TOPIC = "lepton-train-candidate";
  private static final String WORKER_USER = "trainer";
  private static final String WORKER_PASSWORD = "trainer-password-long-enough";
  private static final String WORKER = WORKER_USER + ":" + WORKER_PASSWORD;
  private static final String PROTOCOL = "ENG-WORKER-PROTOCOL";

  @Autowired IdentityService identity;
  @Autowired EmbeddedWorker embedded;

  @BeforeAll
  void aServiceAccountAndTheApplicationsOwnWorkerPaused() {
    embedded.pauseTraining();
    if (identity.createUserQuery().userId(WORKER_USER).count() == 0) {
      User created = identity.newUser(WORKER_USER);
      created.setPassword(WORKER_PASSWORD);
      identity.saveUser(created);
      identity.createMembership(WORKER_USER, LeptonGroups.WORKERS);
    }
  }

  @AfterAll
  void theApplicationsOwnWorkerResumes() {
    embedded.resumeTraining();
  }

  @Test
  void aLockedTaskIsTrainedByItsWorkerOnlyAndHandedBackOnce() {
    String key = PROTOCOL;
    open(key, "weka.classifiers.bayes.NaiveBayes");
    JsonNode[] fetched = new JsonNode[1];
    waitFor(
        "the training task",
        Duration.ofMinutes(1),
        () -> (fetched[0] = fetchAndLock("w1", 30_000)).size() > 0);
    JsonNode locked = fetched[0];
    assertThat(locked).hasSize(1);
    String task = locked.get(0).path("id").asText();

    // the project manager's list says who the engagement waits on now
    JsonNode line = get("pm", "/api/engagements?q=" + key).json().path("engagements").get(0);
    assertThat(line.path("waitingOn").asText()).isEqualTo("training workers (" + TOPIC + ")");

    // what to train comes from the record, for the worker that holds the lock
    JsonNode order = get(WORKER, "/api/training-tasks/" + task + "?workerId=w1").json();
    assertThat(order.path("algorithm").asText()).isEqualTo("weka.classifiers.bayes.NaiveBayes");
    assertThat(order.path("targetAttribute").asText()).isEqualTo("churn");
    assertThat(order.path("folds").asInt()).isEqualTo(10);
    assertThat(get(WORKER, "/api/training-tasks/" + task + "?workerId=w2").status()).isEqualTo(409);
    Reply dataset = get(WORKER, "/api/training-tasks/" + task + "/dataset?workerId=w1");
    assertThat(dataset.status()).isEqualTo(200);
    assertThat(dataset.raw().headers().firstValue("X-Dataset-Format")).isPresent();

    // nobody but a worker reaches the training tasks, and a worker's account does nothing else in
    // the engine
    assertThat(get("pm", "/api/training-tasks/" + task + "?workerId=w1").status()).isEqualTo(403);
    assertThat(get(null, "/api/training-tasks/" + task + "?workerId=w1").status()).isEqualTo(401);
    assertThat(
            postJson(WORKER, "/engine-rest/process-definition/key/ai-engagement/start", Map.of())
                .status())
        .isEqualTo(403);

    // what is handed back must be a model of its kind, read as every model file is read
    Reply garbage =
        postMultipart(
            WORKER,
            "/api/training-tasks/" + task + "/candidate?workerId=w1",
            Map.of("metrics", "{\"pctCorrect\": 75.0}", "trainingMillis", "12"),
            "model",
            new byte[] {1, 2, 3});
    assertThat(garbage.status()).as(garbage.text()).isEqualTo(400);
    ai.lepton.ml.training.TrainingResult model = trainAsAWorkerDoes(order, dataset);

    // the worker account cannot end the task itself: not by completing it, not by a BPMN error
    Reply direct =
        postJson(
            WORKER, "/engine-rest/external-task/" + task + "/complete", Map.of("workerId", "w1"));
    assertThat(direct.status()).as(direct.text()).isEqualTo(403);
    assertThat(direct.text()).contains("POST /api/training-tasks/{id}/candidate");
    Reply error =
        postJson(
            WORKER,
            "/engine-rest/external-task/" + task + "/bpmnError",
            Map.of("workerId", "w1", "errorCode", "NO_TRAINING"));
    assertThat(error.status()).as(error.text()).isIn(400, 403, 500);
    assertThat(get("auditor", "/api/engagements/" + key).json().path("state").asText())
        .isEqualTo("ACTIVE");
    assertThat(get(WORKER, "/api/training-tasks/" + task + "?workerId=w1").status()).isEqualTo(200);

    // a lock that expired and was taken over: the first worker's result is refused and nothing is
    // registered
    assertThat(
            postJson(WORKER, "/engine-rest/external-task/" + task + "/unlock", Map.of()).status())
        .isEqualTo(204);
    assertThat(fetchAndLock("w2", 30_000)).hasSize(1);
    Reply late = handBack(task, "w1", model);
    assertThat(late.status()).as(late.text()).isEqualTo(409);
    assertThat(get("auditor", "/api/models?engagement=" + key).json()).isEmpty();

    // figures that are not the candidate's cross-validation are refused: the node rebuilds a fold
    // it draws itself
    Map<String, Object> inflated = new java.util.LinkedHashMap<>(model.metrics());
    inflated.put("pctCorrect", ((Number) inflated.get("pctCorrect")).doubleValue() + 4);
    Reply forged =
        handBack(
            task, "w2", new ai.lepton.ml.training.TrainingResult(inflated, model.modelBytes(), 12));
    assertThat(forged.status()).as(forged.text()).isEqualTo(400);
    assertThat(forged.text())
        .contains("not this candidate's cross-validation")
        .contains("overall pctCorrect");
    assertThat(get("auditor", "/api/models?engagement=" + key).json()).isEmpty();
    assertThat(get("auditor", "/api/audit?limit=1000").json().toString())
        .contains("CANDIDATE_REFUSED");

    // figures that are no candidate's metrics at all are refused the same way
    Map<String, Object> unreadable = new java.util.LinkedHashMap<>(model.metrics());
    unreadable.put("folds", "all ten of them");
    Reply garbled =
        handBack(
            task,
            "w2",
            new ai.lepton.ml.training.TrainingResult(unreadable, model.modelBytes(), 12));
    assertThat(garbled.status()).as(garbled.text()).isEqualTo(400);
    assertThat(garbled.text()).contains("cannot be read as a candidate's metrics: folds: ");
    assertThat(get("auditor", "/api/models?engagement=" + key).json()).isEmpty();

    // the worker that holds it hands it back: registered and completed at once, and only once
    Reply done = handBack(task, "w2", model);
    assertThat(done.status()).as(done.text()).isEqualTo(201);
    String candidate = done.json().path("modelVersionId").asText();
    assertThat(handBack(task, "w2", model).status()).isEqualTo(409);
    JsonNode models = get("auditor", "/api/models?engagement=" + key).json();
    assertThat(models).hasSize(1);
    assertThat(models.get(0).path("modelVersionId").asText()).isEqualTo(candidate);
    assertThat(models.get(0).path("metrics").path("checkedOnNode").path("folds").asInt())
        .isEqualTo(10);
    assertThat(get("auditor", "/api/audit?limit=1000").json().toString())
        .contains("\"trainedBy\":\"w2\"");
  }

  @Test
  void theStandaloneWorkerTrainsEveryCandidateOfAnEngagement() {
    String key = "ENG-WORKER-REAL";
    open(
        key,
        "weka.classifiers.trees.J48 -C 0.25 -M 2\nweka.classifiers.trees.RandomForest -I 10 -S 1");
    ExternalTaskClient worker =
        LeptonWorker.start(
            new WorkerSettings(
                URI.create("http://localhost:" + port),
                WORKER_USER,
                WORKER_PASSWORD,
                "standalone-1",
                Duration.ofSeconds(30),
                Duration.ofSeconds(1)));
    // (it also trains what else waits meanwhile, such as the demo's candidates: any worker may)
    try {
      waitFor(
          "Approve model or the review of a missed threshold",
          Duration.ofMinutes(2),
          () ->
              taskId("ds", key, "Task_ReviewTrainingResult") != null
                  || currentSteps(key).contains("Approve"));
    } finally {
      worker.stop();
    }
    JsonNode models = get("auditor", "/api/models?engagement=" + key).json();
    assertThat(models.findValuesAsText("algorithm"))
        .containsExactlyInAnyOrder(
            "weka.classifiers.trees.J48", "weka.classifiers.trees.RandomForest");
    // each candidate's figures were checked on a fold the node rebuilt
    models.forEach(
        model ->
            assertThat(model.path("metrics").path("checkedOnNode").path("fold").asInt())
                .isBetween(1, 10));
  }

  @Test
  void aForecastersFiguresAreCheckedOnItsHeldOutEvaluationAndAnOriginTheNodeRebuilds()
      throws Exception {
    String key = "ENG-WORKER-FORECAST";
    startEngagement("pm", key);
    assertThat(
            completeTask(
                    "ds",
                    taskId("ds", key, "Task_AnalyseRequirements"),
                    Map.of(
                        "targetAttribute",
                        "Fortified",
                        "problemType",
                        "forecasting",
                        "timeAttribute",
                        "Date",
                        "horizon",
                        6,
                        "alsoForecast",
                        "Red",
                        "modelName",
                        "worker-wine",
                        "successMetric",
                        "maeRatioToSeasonalNaive",
                        "successThreshold",
                        2.0,
                        "algorithms",
                        "weka.classifiers.functions.LinearRegression"))
                .status())
        .isEqualTo(204);
    byte[] wine;
    try (java.io.InputStream in = getClass().getResourceAsStream("/data/wine.arff")) {
      wine = in.readAllBytes();
    }
    assertThat(postFile("ds", "/api/engagements/" + key + "/datasets", "wine.arff", wine).status())
        .isEqualTo(201);
    JsonNode[] fetched = new JsonNode[1];
    waitFor(
        "the forecaster's training task",
        Duration.ofMinutes(1),
        () -> (fetched[0] = fetchAndLock("w3", 60_000, key)).size() > 0);
    String task = fetched[0].get(0).path("id").asText();
    JsonNode order = get(WORKER, "/api/training-tasks/" + task + "?workerId=w3").json();
    ai.lepton.ml.training.TrainingResult honest =
        trainAsAWorkerDoes(
            order, get(WORKER, "/api/training-tasks/" + task + "/dataset?workerId=w3"));

    // the model's ratio to seasonal naive, the figure approval rests on, made to look better:
    // refused on any part
    Map<String, Object> flattered =
        ai.lepton.ml.Json.readMap(ai.lepton.ml.Json.write(honest.metrics()));
    flattered.put("maeRatioToSeasonalNaive", 0.5);
    Reply forged =
        handBack(
            task,
            "w3",
            new ai.lepton.ml.training.TrainingResult(flattered, honest.modelBytes(), 12));
    assertThat(forged.status()).as(forged.text()).isEqualTo(400);
    assertThat(forged.text())
        .contains("not this candidate's")
        .contains("maeRatioToSeasonalNaive 0.500000");
    assertThat(get("auditor", "/api/models?engagement=" + key).json()).isEmpty();
    // the refusal names the account that logged in; the worker id is only what it called itself
    List<JsonNode> refused = new java.util.ArrayList<>();
    get("auditor", "/api/audit?limit=1000")
        .json()
        .forEach(
            entry -> {
              if (entry.path("type").asText().equals("CANDIDATE_REFUSED")
                  && entry.path("payload").path("workerId").asText().equals("w3")) {
                refused.add(entry);
              }
            });
    assertThat(refused)
        .singleElement()
        .satisfies(entry -> assertThat(entry.path("actor").asText()).isEqualTo(WORKER_USER));

    // the honest figures: registered, with the part the node rebuilt
    Reply done = handBack(task, "w3", honest);
    assertThat(done.status()).as(done.text()).isEqualTo(201);
    JsonNode checked =
        get("auditor", "/api/models?engagement=" + key)
            .json()
            .get(0)
            .path("metrics")
            .path("checkedOnNode");
    assertThat(checked.path("origins").asInt()).isEqualTo(4);
    assertThat(checked.path("part").asText())
        .matches("the held-out evaluation and the rolling origin from .+");
  }

  private void open(String key, String algorithms) {
    startEngagement("pm", key);
    assertThat(
            completeTask(
                    "ds",
                    taskId("ds", key, "Task_AnalyseRequirements"),
                    Map.of(
                        "targetAttribute",
                        "churn",
                        "problemType",
                        "classification",
                        "modelName",
                        key.toLowerCase(java.util.Locale.ROOT),
                        "successMetric",
                        "pctCorrect",
                        "successThreshold",
                        0.5,
                        "algorithms",
                        algorithms))
                .status())
        .isEqualTo(204);
    Reply upload =
        post(
            "ds",
            "/api/engagements/" + key + "/datasets?name=churn.csv",
            "text/csv",
            waChurnSample());
    assertThat(upload.status()).as(upload.text()).isEqualTo(201);
  }

  private JsonNode fetchAndLock(String workerId, long lockMillis) {
    return fetchAndLock(workerId, lockMillis, PROTOCOL);
  }

  private JsonNode fetchAndLock(String workerId, long lockMillis, String businessKey) {
    Reply fetched =
        postJson(
            WORKER,
            "/engine-rest/external-task/fetchAndLock",
            Map.of(
                "workerId",
                workerId,
                "maxTasks",
                1,
                "topics",
                List.of(
                    Map.of(
                        "topicName",
                        TOPIC,
                        "lockDuration",
                        lockMillis,
                        "businessKey",
                        businessKey))));
    assertThat(fetched.status()).as(fetched.text()).isEqualTo(200);
    return fetched.json();
  }

  private Reply handBack(
      String task, String workerId, ai.lepton.ml.training.TrainingResult trained) {
    return postMultipart(
        WORKER,
        "/api/training-tasks/" + task + "/candidate?workerId=" + workerId,
        Map.of("metrics", ai.lepton.ml.Json.write(trained.metrics()), "trainingMillis", "12"),
        "model",
        trained.modelBytes());
  }

  /** The order and dataset read as the worker reads them, trained with the same code. */
  private static ai.lepton.ml.training.TrainingResult trainAsAWorkerDoes(
      JsonNode order, Reply dataset) {
    try {
      ai.lepton.ml.training.TrainingOrder parsed =
          JSON.treeToValue(order, ai.lepton.ml.training.TrainingOrder.class);
      return parsed.train(
          ai.lepton.ml.dataset.DatasetReader.read(
                  dataset.bytes(),
                  ai.lepton.ml.dataset.DatasetFormat.valueOf(
                      dataset
                          .raw()
                          .headers()
                          .firstValue("X-Dataset-Format")
                          .orElseThrow()
                          .toUpperCase(java.util.Locale.ROOT)),
                  "prepared")
              .instances());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Reply postMultipart(
      String user, String path, Map<String, String> fields, String fileField, byte[] file) {
    String boundary = "lepton-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(utf8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileField
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(utf8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
    return post(user, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  private String currentSteps(String key) {
    return get("auditor", "/api/engagements/" + key).json().path("currentSteps").toString();
  }

  /** The first 1,500 customers of the churn data: enough to train, quick to cross-validate. */
  private static byte[] waChurnSample() {
    List<String> lines =
        new String(waChurn(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    return (String.join("\n", lines.subList(0, 1501)) + "\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
