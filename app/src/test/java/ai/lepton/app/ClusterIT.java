package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Lepton as a cluster on PostgreSQL, as an operator runs it: two nodes (the packaged jar twice, one
 * database) and a standalone training worker. Two engagements train; the node or worker holding a
 * training is killed with {@code kill -9}; the time until another worker holds that task is printed
 * and must stay within 60 s (two lock periods); both engagements reach <em>Approve model</em> with
 * every candidate exactly once. Then: decisions on both nodes land in one log, the monitoring timer
 * fires once per cycle, a rule set version and a rollback reach both nodes' scorers, and a node
 * killed in the middle of a monitoring check has it taken over and recorded once. Four tasks, five
 * worker threads (two per node, one standalone): a free worker is there to take the orphan over
 * when its lock expires. Runs with {@code LEPTON_IT_POSTGRES=1} ({@code .ci/run} starts
 * PostgreSQL); skipped on H2, whose file one process owns.
 */
class ClusterIT extends HttpCalls {

  private static final String ADMIN = "admin:it-administrator-password";
  private static final String WORKER_USER = "trainerit";
  private static final String WORKER_PASSWORD = "trainer-it-password";
  private static final String TOPIC = "lepton-train-candidate";
  private static final Duration TRAINING = Duration.ofMinutes(12);
  private static final String CREDIT = "ENG-CLUSTER-CREDIT";
  private static final String HOUSES = "ENG-CLUSTER-HOUSES";
  private static final String CREDIT_AGAIN = "ENG-CLUSTER-CREDIT-2";

  /**
   * Decisions a monitoring check reads in the mid-check kill: enough for a check of a second or
   * more.
   */
  private static final int MANY_DECISIONS = 60_000;

  static Path work;
  static String database;
  static final List<LeptonJar> nodes = new ArrayList<>();
  static Process worker;
  static LeptonJar asked;

  @Override
  int port() {
    return asked.port();
  }

  @BeforeAll
  static void twoNodesOnOneDatabase() throws Exception {
    Assumptions.assumeTrue(
        "1".equals(System.getenv("LEPTON_IT_POSTGRES")), "a cluster needs PostgreSQL");
    work = Files.createTempDirectory("lepton-cluster-");
    database = "lepton_cluster_" + System.currentTimeMillis();
    try (Connection admin = DriverManager.getConnection(url("postgres"), user(), password())) {
      admin.createStatement().execute("CREATE DATABASE " + database);
    }
    Map<String, String> environment =
        new LinkedHashMap<>(
            Map.of(
                "LEPTON_DEMO",
                "false",
                "LEPTON_ADMIN_PASSWORD",
                ADMIN.substring(ADMIN.indexOf(':') + 1),
                "SPRING_PROFILES_ACTIVE",
                "postgres",
                "LEPTON_DB_URL",
                url(database),
                "LEPTON_DB_USER",
                user(),
                "LEPTON_DB_PASSWORD",
                password(),
                "LEPTON_MONITORING_CYCLE",
                "R/PT20S"));
    Path jar =
        Path.of(System.getProperty("lepton.jar", "target/lepton-app-0.1.0-SNAPSHOT.jar"))
            .toAbsolutePath();
    for (int n = 1; n <= 2; n++) {
      LeptonJar node = new LeptonJar(jar, work.resolve("node" + n), environment);
      node.start(Duration.ofMinutes(4));
      nodes.add(node);
    }
    asked = nodes.get(0);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (worker != null) {
      worker.destroyForcibly().waitFor();
    }
    nodes.forEach(LeptonJar::stop);
    if (database != null) {
      try (Connection admin = DriverManager.getConnection(url("postgres"), user(), password())) {
        admin.createStatement().execute("DROP DATABASE IF EXISTS " + database);
      }
    }
    if (work != null) {
      FileSystemUtils.deleteRecursively(work);
    }
  }

  @Test
  void aKilledTrainingIsTakenOverWithinTwoLockPeriodsAndEveryCandidateIsTrainedOnce()
      throws Exception {
    for (String[] user :
        new String[][] {
          {"pm", "project-managers"},
          {"ds", "data-scientists"},
          {"mro", "model-risk-officers"},
          {"auditor", "auditors"},
          {WORKER_USER, "lepton-workers"}
        }) {
      Reply created =
          postJson(
              ADMIN,
              "/engine-rest/user/create",
              Map.of(
                  "profile",
                  Map.of("id", user[0]),
                  "credentials",
                  Map.of("password", user[0].equals(WORKER_USER) ? WORKER_PASSWORD : user[0])));
      assertThat(created.status()).as(created.text()).isEqualTo(204);
      assertThat(
              putJson(ADMIN, "/engine-rest/group/" + user[1] + "/members/" + user[0], Map.of())
                  .status())
          .isEqualTo(204);
    }
    worker = startWorker(nodes.get(1).port());

    Map<String, String> algorithms =
        Map.of(
            CREDIT,
                "weka.classifiers.trees.RandomForest -I 40 -S 1\nweka.classifiers.trees.J48 -C 0.25 -M 2",
            HOUSES,
                "weka.classifiers.trees.RandomForest -I 40 -S 2\nweka.classifiers.trees.REPTree -M 4 -S 1");
    open(
        CREDIT,
        "credit-g.csv",
        Map.of(
            "targetAttribute",
            "class",
            "problemType",
            "classification",
            "modelName",
            "credit-cluster",
            "successMetric",
            "weightedAreaUnderROC",
            "successThreshold",
            0.6,
            "ruleSets",
            "credit-decision",
            "algorithms",
            algorithms.get(CREDIT)));
    open(
        HOUSES,
        "ames.csv",
        Map.of(
            "targetAttribute",
            "Sale_Price",
            "problemType",
            "regression",
            "modelName",
            "houses-cluster",
            "successMetric",
            "correlationCoefficient",
            "successThreshold",
            0.5,
            "algorithms",
            algorithms.get(HOUSES)));

    // a training under way, by whichever worker locked it
    JsonNode[] held = new JsonNode[1];
    try {
      waitFor(
          "a training under way", Duration.ofMinutes(5), () -> (held[0] = firstLocked()) != null);
    } catch (AssertionError e) {
      for (String key : algorithms.keySet()) {
        System.out.printf(
            "cluster: %s at %s, models %s, tasks %s%n",
            key,
            get("auditor", "/api/engagements/" + key).json().path("currentSteps"),
            get("auditor", "/api/models?engagement=" + key).json().findValuesAsText("algorithm"),
            get(ADMIN, "/engine-rest/external-task?topicName=" + TOPIC).json());
      }
      nodes.forEach(node -> System.out.println(node.tail()));
      throw e;
    }
    String taskId = held[0].path("id").asText();
    String holder = held[0].path("workerId").asText();
    List<String> holders = new ArrayList<>();
    get(ADMIN, "/engine-rest/external-task?topicName=" + TOPIC + "&locked=true")
        .json()
        .forEach(task -> holders.add(task.path("workerId").asText()));
    System.out.printf("cluster: tasks locked at once by %s%n", holders);
    assertThat(holders)
        .doesNotHaveDuplicates(); // one task per worker at a time: no one locks everything

    // kill -9 whoever holds it: a node (its embedded worker) or the standalone worker
    Instant killed;
    String killedWhat;
    if (holder.startsWith("embedded-")) {
      long pid = Long.parseLong(holder.split("-")[1]); // embedded-<process id>-<id>-<thread>
      LeptonJar node = nodes.stream().filter(n -> n.pid() == pid).findFirst().orElseThrow();
      node.kill9();
      killed = Instant.now();
      killedWhat = "node on port " + node.port();
      asked = nodes.stream().filter(n -> n != node).findFirst().orElseThrow();
    } else {
      worker.destroyForcibly().waitFor();
      killed = Instant.now();
      killedWhat = "standalone worker";
      worker =
          startWorker(
              nodes.get(1).port()); // the operator starts it again; the task is not waiting for it
    }
    Instant[] takenOver = new Instant[1];
    waitFor(
        "the task taken over",
        Duration.ofMinutes(3),
        () -> {
          JsonNode task = get(ADMIN, "/engine-rest/external-task/" + taskId).json();
          boolean done =
              task.has("type") || task.path("id").isMissingNode(); // completed: no longer there
          boolean relocked =
              !task.path("workerId").asText().isEmpty()
                  && !holder.equals(task.path("workerId").asText());
          if (done || relocked) {
            takenOver[0] = Instant.now();
            return true;
          }
          return false;
        });
    long seconds = Duration.between(killed, takenOver[0]).toSeconds();
    System.out.printf(
        "cluster: %s held task %s (%s) and was killed; taken over after %d s (lock 30 s)%n",
        killedWhat, taskId, holder, seconds);
    assertThat(seconds).as("seconds from kill -9 to takeover").isLessThanOrEqualTo(60);

    // every candidate of both engagements, exactly once
    for (Map.Entry<String, String> engagement : algorithms.entrySet()) {
      waitFor(
          engagement.getKey() + " trained",
          TRAINING,
          () ->
              taskId("mro", engagement.getKey(), "Task_ApproveModel") != null
                  || taskId("ds", engagement.getKey(), "Task_ReviewTrainingResult") != null);
      List<String> trained =
          get("auditor", "/api/models?engagement=" + engagement.getKey())
              .json()
              .findValuesAsText("algorithm");
      assertThat(trained).as(engagement.getKey()).hasSize(2).doesNotHaveDuplicates();
    }
    assertThat(get("auditor", "/api/audit/verify").json().path("valid").asBoolean()).isTrue();
    killedNodeStartsAgain();
    decisionsOnEitherNodeLandInTheOneLogAndTheMonitoringTimerFiresOncePerCycle();
  }

  /** The operator starts the killed node again on the same database: a cluster of two again. */
  private void killedNodeStartsAgain() {
    nodes.stream().filter(node -> !node.alive()).forEach(node -> node.start(Duration.ofMinutes(4)));
  }

  private void decisionsOnEitherNodeLandInTheOneLogAndTheMonitoringTimerFiresOncePerCycle()
      throws Exception {
    asked = nodes.get(0);
    assertThat(
            completeTask(
                    "mro",
                    taskId("mro", CREDIT, "Task_ApproveModel"),
                    Map.of("approved", true, "approvalReason", "cluster test: AUC above 0.6"))
                .status())
        .isEqualTo(204);
    Instant approved = Instant.now();
    Map<String, Object> applicant = record(resource("e2e/credit-g.csv"), false, "class", 0);
    // the deployment reaches every node's scorer (each rechecks the live version every few seconds)
    List<Long> reached = new ArrayList<>();
    for (LeptonJar node : nodes) {
      asked = node;
      waitFor(
          "the model live on the node on port " + node.port(),
          Duration.ofMinutes(2),
          () ->
              postJson("pm", "/api/decisions/credit-cluster?ruleSet=credit-decision", applicant)
                      .status()
                  == 200);
      reached.add(Duration.between(approved, Instant.now()).toMillis());
    }
    System.out.printf(
        "cluster: approved model answering on both nodes after %s ms (from the approval)%n",
        reached);

    // decisions taken on both nodes at once all land in the one decision log
    int perNode = 40;
    java.util.concurrent.ExecutorService callers =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
    for (LeptonJar node : nodes) {
      for (int i = 0; i < perNode; i++) {
        Map<String, Object> features = record(resource("e2e/credit-g.csv"), false, "class", i);
        answers.add(
            callers.submit(
                () ->
                    new NodeCalls(node.port())
                        .postJson(
                            "pm", "/api/decisions/credit-cluster?ruleSet=credit-decision", features)
                        .status()));
      }
    }
    for (java.util.concurrent.Future<Integer> answer : answers) {
      assertThat(answer.get()).isEqualTo(200);
    }
    callers.shutdown();
    waitFor(
        "every decision in the log",
        Duration.ofSeconds(30),
        () ->
            get("auditor", "/api/decisions?model=credit-cluster&limit=1000").json().size()
                >= 2 * perNode + nodes.size());
    assertThat(
            get("auditor", "/api/decisions?model=credit-cluster&limit=1000")
                .json()
                .findValuesAsText("decisionId"))
        .hasSize(2 * perNode + nodes.size())
        .doesNotHaveDuplicates();

    // the monitoring timer (every 20 s here) fires once per cycle across both nodes' job executors
    waitFor("three monitoring checks", Duration.ofMinutes(3), () -> monitoringChecks().size() >= 3);
    List<Instant> checks = monitoringChecks();
    for (int i = 1; i < checks.size(); i++) {
      assertThat(Duration.between(checks.get(i), checks.get(i - 1)).toSeconds())
          .as("seconds between checks %s", checks)
          .isGreaterThanOrEqualTo(15);
    }
    System.out.printf("cluster: monitoring checks at %s (cycle 20 s, two nodes)%n", checks);
    aRuleReleasedOnOneNodeDecidesOnBoth(applicant);
  }

  /**
   * A rule set version released through node 1 decides on node 2 within its recheck, without a
   * restart.
   */
  private void aRuleReleasedOnOneNodeDecidesOnBoth(Map<String, Object> applicant) throws Exception {
    asked = nodes.get(0);
    String drl =
        get("auditor", "/api/rule-sets/credit-decision/versions/1")
            .json()
            .path("drl")
            .asText()
            .replace("10000", "20000");
    Map<String, Object> scenario =
        Map.of(
            "name",
            "a 15,000 loan to a good risk",
            "given",
            Map.of(
                "features",
                Map.of("credit_amount", 15000),
                "distribution",
                Map.of("good", 0.9, "bad", 0.1)),
            "expectDecision",
            "APPROVE");
    Reply added =
        postJson(
            "ds",
            "/api/rule-sets/credit-decision/versions",
            Map.of("drl", drl, "scenarios", List.of(scenario)));
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    int version = added.json().path("version").asInt();
    Reply submitted =
        post(
            "ds",
            "/api/rule-sets/credit-decision/versions/" + version + "/submit",
            null,
            new byte[0]);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    String key = submitted.json().path("businessKey").asText();
    waitFor(
        "Approve rule change",
        Duration.ofMinutes(1),
        () -> taskId("mro", key, "Task_ApproveRuleChange") != null);
    assertThat(
            completeTask(
                    "mro",
                    taskId("mro", key, "Task_ApproveRuleChange"),
                    Map.of(
                        "approved",
                        true,
                        "approvalReason",
                        "cluster test: the committee's new bar"))
                .status())
        .isEqualTo(204);
    Instant released = Instant.now();
    List<Long> reached = new ArrayList<>();
    for (LeptonJar node : nodes) {
      asked = node;
      waitFor(
          "version " + version + " deciding on the node on port " + node.port(),
          Duration.ofMinutes(1),
          () ->
              postJson("pm", "/api/decisions/credit-cluster?ruleSet=credit-decision", applicant)
                      .json()
                      .path("ruleSetVersion")
                      .asInt()
                  == version);
      reached.add(Duration.between(released, Instant.now()).toMillis());
    }
    System.out.printf(
        "cluster: rule set version %d deciding on both nodes after %s ms (from the approval)%n",
        version, reached);
    aNodeKilledMidCheckIsTakenOverAndTheCheckRecordedOnce();
    killedNodeStartsAgain();
    aRollbackConfirmedOnOneNodeReachesBoth(applicant);
  }

  /**
   * A second engagement deploys a J48 version of the same model; its decisions turn out wrong (each
   * outcome the opposite of its prediction), the maintenance rules ask for a rollback, a risk
   * officer confirms it through node 1, and each node's scorer answers with the first version again
   * within its recheck.
   */
  private void aRollbackConfirmedOnOneNodeReachesBoth(Map<String, Object> applicant) {
    asked = nodes.get(0);
    String decide = "/api/decisions/credit-cluster?ruleSet=credit-decision";
    String first = postJson("pm", decide, applicant).json().path("modelVersionId").asText();
    open(
        CREDIT_AGAIN,
        "credit-g.csv",
        Map.of(
            "targetAttribute",
            "class",
            "problemType",
            "classification",
            "modelName",
            "credit-cluster",
            "successMetric",
            "weightedAreaUnderROC",
            "successThreshold",
            0.6,
            "ruleSets",
            "credit-decision",
            "algorithms",
            "weka.classifiers.trees.J48 -C 0.25 -M 2"));
    waitFor(
        CREDIT_AGAIN + " trained",
        TRAINING,
        () -> taskId("mro", CREDIT_AGAIN, "Task_ApproveModel") != null);
    Reply approved =
        completeTask(
            "mro",
            taskId("mro", CREDIT_AGAIN, "Task_ApproveModel"),
            Map.of(
                "approved",
                true,
                "approvalReason",
                "cluster test: a second version",
                "overrideReason",
                "cluster test: to roll back from"));
    assertThat(approved.status()).as(approved.text()).isEqualTo(204);
    waitFor(
        "the second version live on both nodes",
        Duration.ofMinutes(2),
        () ->
            nodes.stream()
                .allMatch(
                    node ->
                        !first.equals(
                            new NodeCalls(node.port())
                                .postJson("pm", decide, applicant)
                                .json()
                                .path("modelVersionId")
                                .asText())));
    // its decisions turn out wrong
    for (int i = 0; i < 40; i++) {
      JsonNode decided =
          postJson("pm", decide, record(resource("e2e/credit-g.csv"), false, "class", i)).json();
      String actual = decided.path("prediction").asText().equals("good") ? "bad" : "good";
      Reply outcome =
          postJson(
              "pm",
              "/api/decisions/" + decided.path("decisionId").asText() + "/outcome",
              Map.of("actual", actual));
      assertThat(outcome.status()).as(outcome.text()).isEqualTo(201);
    }
    waitFor(
        "Confirm rollback",
        Duration.ofMinutes(3),
        () -> taskId("mro", CREDIT_AGAIN, "Task_ConfirmRollback") != null);
    Reply confirmed =
        completeTask(
            "mro",
            taskId("mro", CREDIT_AGAIN, "Task_ConfirmRollback"),
            Map.of(
                "rollbackDecision",
                "rollback",
                "rollbackReason",
                "cluster test: accuracy collapsed on recorded outcomes"));
    assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(204);
    Instant rolledBack = Instant.now();
    List<Long> reached = new ArrayList<>();
    for (LeptonJar node : nodes) {
      waitFor(
          "the first version back on the node on port " + node.port(),
          Duration.ofMinutes(1),
          () ->
              first.equals(
                  new NodeCalls(node.port())
                      .postJson("pm", decide, applicant)
                      .json()
                      .path("modelVersionId")
                      .asText()));
      reached.add(Duration.between(rolledBack, Instant.now()).toMillis());
    }
    System.out.printf(
        "cluster: rollback to %s answering on both nodes after %s ms (from the confirmation)%n",
        first, reached);
  }

  /**
   * A monitoring check over many decisions, its node killed with {@code kill -9} while it checks:
   * the other node's worker takes the check over once the lock runs out, and the check is recorded
   * once (the killed node's writes were in the transaction of the completion it never reached).
   */
  private void aNodeKilledMidCheckIsTakenOverAndTheCheckRecordedOnce() throws Exception {
    asked = nodes.get(0);
    List<String> lines =
        new String(resource("e2e/credit-g.csv"), java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .filter(line -> !line.isBlank())
            .toList();
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 0; i < MANY_DECISIONS; i++) {
      csv.append(lines.get(1 + i % (lines.size() - 1))).append('\n');
    }
    Reply batch;
    try {
      batch =
          post(
              "pm",
              "/api/decisions/credit-cluster/batch?ruleSet=credit-decision",
              "text/csv",
              csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      nodes.forEach(node -> System.out.println(node.tail()));
      throw e;
    }
    assertThat(batch.status())
        .as(batch.text().substring(0, Math.min(500, batch.text().length())))
        .isEqualTo(200);

    String checkTopic = "lepton-check-drift";
    for (int attempt = 1; ; attempt++) {
      JsonNode[] held = new JsonNode[1];
      waitFor(
          "a monitoring check under way",
          Duration.ofMinutes(2),
          () -> {
            JsonNode locked =
                get(ADMIN, "/engine-rest/external-task?topicName=" + checkTopic + "&locked=true")
                    .json();
            if (locked.size() > 0) {
              held[0] = locked.get(0);
              return true;
            }
            sleep(20);
            return false;
          });
      String taskId = held[0].path("id").asText();
      String holder = held[0].path("workerId").asText();
      long pid = Long.parseLong(holder.split("-")[1]); // embedded-<process id>-<id>-<thread>
      LeptonJar node = nodes.stream().filter(n -> n.pid() == pid).findFirst().orElseThrow();
      asked = nodes.stream().filter(n -> n != node).findFirst().orElseThrow();
      int checksBefore = monitoringChecks().size();
      node.kill9();
      Instant killed = Instant.now();
      if (get(ADMIN, "/engine-rest/external-task/" + taskId).status() == 404) {
        // the check ended in the instant between seeing its lock and the kill: start the node, try
        // the next one
        System.out.printf(
            "cluster: check %s ended before its node was killed (attempt %d)%n", taskId, attempt);
        assertThat(attempt).as("attempts to kill a node mid-check").isLessThan(3);
        node.start(Duration.ofMinutes(4));
        continue;
      }
      Instant[] takenOver = new Instant[1];
      waitFor(
          "the check taken over",
          Duration.ofMinutes(3),
          () -> {
            Reply task = get(ADMIN, "/engine-rest/external-task/" + taskId);
            String now = task.status() == 404 ? "" : task.json().path("workerId").asText();
            if (task.status() == 404 || (!now.isEmpty() && !now.equals(holder))) {
              takenOver[0] = Instant.now();
              return true;
            }
            return false;
          });
      long seconds = Duration.between(killed, takenOver[0]).toSeconds();
      waitFor(
          "the check done by the other node",
          Duration.ofMinutes(2),
          () -> get(ADMIN, "/engine-rest/external-task/" + taskId).status() == 404);
      List<Instant> checks = monitoringChecks();
      System.out.printf(
          "cluster: node on port %d killed while it checked %d decisions (task %s); the check taken"
              + " over after %d s (lock 30 s); checks %d before, %d after%n",
          node.port(), MANY_DECISIONS, taskId, seconds, checksBefore, checks.size());
      assertThat(seconds)
          .as("seconds from kill -9 to the check taken over")
          .isLessThanOrEqualTo(60);
      assertThat(checks)
          .as("the killed check recorded once, by the node that took it over")
          .hasSize(checksBefore + 1);
      String live =
          get("auditor", "/api/models?engagement=" + CREDIT).json().findParents("status").stream()
              .filter(model -> model.path("status").asText().equals("DEPLOYED"))
              .findFirst()
              .orElseThrow()
              .path("modelVersionId")
              .asText();
      assertThat(
              get("auditor", "/api/models/" + live + "/monitoring")
                  .json()
                  .get(0)
                  .path("source")
                  .path("decisions")
                  .asInt())
          .as("decisions the check read")
          .isGreaterThanOrEqualTo(MANY_DECISIONS);
      for (int i = 1; i < checks.size(); i++) {
        assertThat(Duration.between(checks.get(i), checks.get(i - 1)).toSeconds())
            .as("seconds between checks %s", checks)
            .isGreaterThanOrEqualTo(15);
      }
      return;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The live model's monitoring checks, newest first. */
  private List<Instant> monitoringChecks() {
    String live =
        get("auditor", "/api/models?engagement=" + CREDIT).json().findParents("status").stream()
            .filter(model -> model.path("status").asText().equals("DEPLOYED"))
            .map(m -> m.path("modelVersionId").asText())
            .findFirst()
            .orElse(null);
    List<Instant> at = new ArrayList<>();
    if (live != null) {
      get("auditor", "/api/models/" + live + "/monitoring")
          .json()
          .forEach(check -> at.add(Instant.parse(check.path("checkedAt").asText())));
    }
    return at;
  }

  private void open(String key, String dataset, Map<String, Object> requirements) {
    startEngagement("pm", key);
    assertThat(
            completeTask("ds", taskId("ds", key, "Task_AnalyseRequirements"), requirements)
                .status())
        .isEqualTo(204);
    Reply upload =
        post(
            "ds",
            "/api/engagements/" + key + "/datasets?name=" + dataset,
            "text/csv",
            resource("e2e/" + dataset));
    assertThat(upload.status()).as(upload.text()).isEqualTo(201);
  }

  /** HTTP calls to one node, whichever the test is asking otherwise. */
  private static final class NodeCalls extends HttpCalls {
    private final int port;

    NodeCalls(int port) {
      this.port = port;
    }

    @Override
    int port() {
      return port;
    }
  }

  /** The first training task locked by a worker, or null. */
  private JsonNode firstLocked() {
    JsonNode locked =
        get(ADMIN, "/engine-rest/external-task?topicName=" + TOPIC + "&locked=true").json();
    return locked.size() == 0 ? null : locked.get(0);
  }

  private static Process startWorker(int nodePort) {
    Path jar =
        Path.of(
                System.getProperty(
                    "lepton.worker.jar", "../worker/target/lepton-worker-0.1.0-SNAPSHOT-exec.jar"))
            .toAbsolutePath();
    try {
      Files.createDirectories(work.resolve("worker/tmp"));
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx768m",
                  "-Djava.io.tmpdir=" + work.resolve("worker/tmp"),
                  "-DWEKA_HOME=" + work.resolve("worker/weka"),
                  "-jar",
                  jar.toString())
              .directory(work.resolve("worker").toFile())
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(work.resolve("worker/worker.log").toFile()));
      builder.environment().put("LEPTON_URL", "http://localhost:" + nodePort);
      builder.environment().put("LEPTON_WORKER_USER", WORKER_USER);
      builder.environment().put("LEPTON_WORKER_PASSWORD", WORKER_PASSWORD);
      builder.environment().put("LEPTON_WORKER_ID", "standalone-it-" + System.nanoTime() % 10_000);
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String url(String db) {
    return System.getenv()
            .getOrDefault("LEPTON_IT_POSTGRES_URL", "jdbc:postgresql://localhost:5432/")
        + db;
  }

  private static String user() {
    return System.getenv().getOrDefault("LEPTON_IT_POSTGRES_USER", "lepton");
  }

  private static String password() {
    return System.getenv().getOrDefault("LEPTON_IT_POSTGRES_PASSWORD", "lepton");
  }
}
