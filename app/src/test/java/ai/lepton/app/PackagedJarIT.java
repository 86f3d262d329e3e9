package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.training.AllowedAlgorithms;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.CSVLoader;

/**
 * The built jar, as a user runs it ({@code java -jar}, its own process, a fresh data directory, a
 * free port), driven over HTTP only: RandomForest, J48 and a regression learner train,
 * cross-validate as Weka does and deploy through a risk officer's approval; a thousand decisions
 * and a training survive {@code kill -9}; every learner of the default list trains, cross-validates
 * as Weka does, is stored and scores in the jar's own class loader; nothing is left behind. Runs
 * after {@code package} (failsafe); {@code LEPTON_IT_POSTGRES=1} runs it on PostgreSQL ({@code
 * LEPTON_IT_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}; a database of its own is created and
 * dropped).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT extends HttpCalls {

  private static final String ADMIN = "admin:it-administrator-password";
  private static final String CREDIT = "ENG-IT-CREDIT";
  private static final String HOUSES = "ENG-IT-HOUSES";
  private static final Duration TRAINING = Duration.ofMinutes(10);

  static Path work;
  static LeptonJar lepton;
  static String postgresDatabase;
  static boolean homeWekaFilesBefore;

  @Override
  int port() {
    return lepton.port();
  }

  @BeforeAll
  static void startTheJarOnAFreshDataDirectory() throws Exception {
    Path jar =
        Path.of(System.getProperty("lepton.jar", "target/lepton-app-0.1.0-SNAPSHOT.jar"))
            .toAbsolutePath();
    assertThat(jar).exists();
    work = Files.createTempDirectory("lepton-it-");
    homeWekaFilesBefore = Files.exists(Path.of(System.getProperty("user.home"), "wekafiles"));
    Map<String, String> environment =
        new LinkedHashMap<>(
            Map.of(
                "LEPTON_DEMO",
                "false",
                "LEPTON_ADMIN_PASSWORD",
                ADMIN.substring(ADMIN.indexOf(':') + 1)));
    if ("1".equals(System.getenv("LEPTON_IT_POSTGRES"))) {
      environment.putAll(postgres());
    }
    lepton = new LeptonJar(jar, work, environment);
    lepton.start(Duration.ofMinutes(3));
  }

  @AfterAll
  static void stopAndLeaveNothingBehind() throws Exception {
    if (lepton != null) {
      long pid = lepton.alive() ? lepton.pid() : -1;
      lepton.stop();
      assertThat(lepton.alive()).isFalse();
      if (pid > 0) {
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      }
    }
    assertThat(Files.exists(Path.of(System.getProperty("user.home"), "wekafiles")))
        .as("~/wekafiles")
        .isEqualTo(homeWekaFilesBefore);
    if (postgresDatabase != null) {
      try (Connection admin =
          DriverManager.getConnection(
              postgresUrl("postgres"), postgresUser(), postgresPassword())) {
        admin.createStatement().execute("DROP DATABASE IF EXISTS " + postgresDatabase);
      }
    }
    if (work != null) {
      FileSystemUtils.deleteRecursively(work);
    }
  }

  @Test
  @Order(1)
  void anAdministratorSetsUpTheTeam() {
    for (String[] user :
        new String[][] {
          {"pm", "project-managers"},
          {"ds", "data-scientists"},
          {"mro", "model-risk-officers"},
          {"auditor", "auditors"},
          {"co", "credit-officers"}
        }) {
      Reply created =
          postJson(
              ADMIN,
              "/engine-rest/user/create",
              Map.of(
                  "profile",
                      Map.of(
                          "id",
                          user[0],
                          "firstName",
                          "IT",
                          "lastName",
                          user[0],
                          "email",
                          user[0] + "@it.example"),
                  "credentials", Map.of("password", user[0])));
      assertThat(created.status()).as(created.text()).isEqualTo(204);
      assertThat(
              putJson(ADMIN, "/engine-rest/group/" + user[1] + "/members/" + user[0], Map.of())
                  .status())
          .isEqualTo(204);
    }
    assertThat(get("pm", "/api/models").status()).isEqualTo(200);
    assertThat(get("nobody:nothing", "/api/models").status()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void randomForestAndJ48TrainAsWekaDoesAndTheChampionIsDeployedOnApproval() throws Exception {
    String instance =
        openWithDataset(
            CREDIT,
            "credit-g.csv",
            Map.of(
                "targetAttribute",
                "class",
                "problemType",
                "classification",
                "modelName",
                "credit-it",
                "successMetric",
                "weightedAreaUnderROC",
                "successThreshold",
                0.7,
                "ruleSets",
                "credit-decision",
                "algorithms",
                "weka.classifiers.trees.RandomForest -I 100 -S 1\nweka.classifiers.trees.J48 -C 0.25 -M 2"));

    waitFor("Approve model", TRAINING, () -> taskId("mro", CREDIT, "Task_ApproveModel") != null);

    JsonNode models = get("auditor", "/api/models?engagement=" + CREDIT).json();
    assertThat(models.findValuesAsText("algorithm"))
        .containsExactlyInAnyOrder(
            "weka.classifiers.trees.RandomForest", "weka.classifiers.trees.J48");
    for (JsonNode model : models) {
      Instances data = trainingData(model);
      Evaluation weka = new Evaluation(data);
      weka.crossValidateModel(
          AbstractClassifier.forName(
              model.path("algorithm").asText(), Utils.splitOptions(model.path("options").asText())),
          data,
          model.path("folds").asInt(),
          new Random(model.path("seed").asInt()));
      assertThat(model.at("/metrics/pctCorrect").asDouble())
          .as(model.path("algorithm").asText())
          .isEqualTo(weka.pctCorrect());
      assertThat(model.at("/metrics/kappa").asDouble()).isEqualTo(weka.kappa());
      assertThat(model.at("/metrics/weightedAreaUnderROC").asDouble())
          .isEqualTo(weka.weightedAreaUnderROC());
    }

    assertThat(
            completeTask(
                    "mro",
                    taskId("mro", CREDIT, "Task_ApproveModel"),
                    Map.of(
                        "approved",
                        true,
                        "approvalReason",
                        "cross-validated AUC above 0.7 on German credit"))
                .status())
        .isEqualTo(204);
    waitFor(
        "the champion deployed",
        Duration.ofMinutes(2),
        () ->
            get("auditor", "/api/models?engagement=" + CREDIT)
                .json()
                .findValuesAsText("status")
                .contains("DEPLOYED"));
    waitFor(
        "maintenance",
        Duration.ofMinutes(1),
        () -> currentSteps(CREDIT).contains("Gateway_NextCheck"));
    assertThat(instance).isNotBlank();
  }

  @Test
  @Order(3)
  void aCampaignOfSixtyThousandApplicantsIsAnsweredInOneBatchToAClientThatSendsItAllFirst() {
    // Java's own HTTP client sends the whole request before it reads the answer: the jar must take
    // the whole body
    // in before it answers, or both ends wait on full buffers until the connection times out
    List<String> lines =
        new String(resource("e2e/credit-g.csv"), StandardCharsets.UTF_8)
            .lines()
            .filter(line -> !line.isBlank())
            .toList();
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    int applicants = 60_000;
    for (int i = 0; i < applicants; i++) {
      csv.append(lines.get(1 + i % (lines.size() - 1))).append('\n');
    }
    long started = System.nanoTime();
    Reply answer =
        post(
            "pm",
            "/api/decisions/credit-it/batch?ruleSet=credit-decision",
            "text/csv",
            csv.toString().getBytes(StandardCharsets.UTF_8));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text().lines().skip(1).filter(line -> line.contains(",dc-")).count())
        .as("applicants decided and logged")
        .isEqualTo(applicants);
    System.out.printf(
        "jar: a batch of %,d applicants (%,d bytes) answered in %,d ms%n",
        applicants, csv.length(), millis);
  }

  @Test
  @Order(4)
  void everyDecisionAnsweredBeforeAKill9IsInTheLogAfterTheRestart() throws Exception {
    List<Map<String, Object>> applicants = new ArrayList<>();
    for (int row = 0; row < 50; row++) {
      applicants.add(record(resource("e2e/credit-g.csv"), false, "class", row));
    }
    List<String> answered = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    ExecutorService callers = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 1_000; i++) {
      Map<String, Object> applicant = applicants.get(i % applicants.size());
      callers.submit(
          () -> {
            try {
              Reply decided =
                  postJson("pm", "/api/decisions/credit-it?ruleSet=credit-decision", applicant);
              if (decided.status() == 200) {
                answered.add(decided.json().path("decisionId").asText());
              } else {
                refusals.add(decided.status() + " " + decided.text());
              }
            } catch (RuntimeException connectionLost) {
              failed.incrementAndGet();
            }
          });
    }
    waitFor(
        "300 decisions answered",
        Duration.ofMinutes(3),
        () -> {
          assertThat(refusals).as("decisions refused before the kill").isEmpty();
          return answered.size() >= 300;
        });
    lepton.kill9();
    callers.shutdown();
    assertThat(callers.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
    assertThat(failed.get()).as("calls cut off by the kill").isPositive();
    Set<String> before = new HashSet<>(answered);

    lepton.start(Duration.ofMinutes(3));

    Set<String> logged =
        new HashSet<>(
            get("auditor", "/api/decisions?model=credit-it&limit=1000")
                .json()
                .findValuesAsText("decisionId"));
    assertThat(logged).containsAll(before);
    assertThat(get("auditor", "/api/audit/verify").json().path("valid").asBoolean()).isTrue();
    assertThat(currentSteps(CREDIT)).contains("Gateway_NextCheck");
    assertThat(
            postJson("pm", "/api/decisions/credit-it?ruleSet=credit-decision", applicants.get(0))
                .status())
        .isEqualTo(200);
  }

  @Test
  @Order(5)
  void aTrainingCutOffByAKill9FinishesAfterTheRestartWithNoCandidateLostOrTwice() {
    String instance =
        openWithDataset(
            HOUSES,
            "ames.csv",
            Map.of(
                "targetAttribute",
                "Sale_Price",
                "problemType",
                "regression",
                "modelName",
                "houses-it",
                "successMetric",
                "correlationCoefficient",
                "successThreshold",
                0.5,
                "algorithms",
                "weka.classifiers.functions.LinearRegression\nweka.classifiers.trees.REPTree -M 2 -V 0.001 -N 3 -S 1"));
    waitFor(
        "training under way",
        Duration.ofMinutes(3),
        () ->
            get(
                        ADMIN,
                        "/engine-rest/external-task?processInstanceId="
                            + instance
                            + "&activityId=Task_TrainCandidate&locked=true")
                    .json()
                    .size()
                > 0);
    LeptonJar.sleep(5_000);
    int trainedAtTheKill = get("auditor", "/api/models?engagement=" + HOUSES).json().size();
    assertThat(trainedAtTheKill)
        .as("candidates registered when the process is killed")
        .isLessThan(2);

    lepton.kill9();
    lepton.start(Duration.ofMinutes(3));

    waitFor(
        "the training finished after the restart",
        TRAINING,
        () ->
            taskId("mro", HOUSES, "Task_ApproveModel") != null
                || taskId("ds", HOUSES, "Task_ReviewTrainingResult") != null);
    JsonNode models = get("auditor", "/api/models?engagement=" + HOUSES).json();
    assertThat(models.findValuesAsText("algorithm"))
        .as("trained before the kill: " + trainedAtTheKill)
        .containsExactlyInAnyOrder(
            "weka.classifiers.functions.LinearRegression", "weka.classifiers.trees.REPTree");
    assertThat(get("auditor", "/api/audit/verify").json().path("valid").asBoolean()).isTrue();
  }

  @Test
  @Order(6)
  void everyDefaultLearnerResolvesTrainsAndScoresInsideTheJar() throws Exception {
    Path output = work.resolve("learners.txt");
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dloader.path="
                    + Path.of(System.getProperty("lepton.test.classes", "target/test-classes"))
                        .toAbsolutePath(),
                "-Dloader.main=" + LearnersInsideTheJar.class.getName(),
                "-Djava.io.tmpdir=" + work.resolve("tmp"),
                "-DWEKA_HOME=" + work.resolve("wekafiles"),
                "-cp",
                lepton.jar().toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(probe.waitFor(10, TimeUnit.MINUTES)).isTrue();
    List<String> lines = Files.readAllLines(output);
    long learners =
        AllowedAlgorithms.DEFAULTS.stream()
            .filter(
                name -> {
                  try {
                    return weka.classifiers.Classifier.class.isAssignableFrom(
                            Class.forName(name, false, getClass().getClassLoader()))
                        && !name.contains(".supportVector.");
                  } catch (ClassNotFoundException e) {
                    return true;
                  }
                })
            .count();
    assertThat(lines.stream().filter(line -> line.startsWith("FAIL")))
        .as(String.join("\n", lines))
        .isEmpty();
    assertThat(lines.stream().filter(line -> line.startsWith("OK ")).count())
        .as(String.join("\n", lines))
        .isEqualTo(learners);
    assertThat(probe.exitValue()).isZero();
  }

  /**
   * A project manager opens the engagement, a data scientist sets its requirements and sends the
   * dataset.
   */
  @Test
  @Order(7)
  void aSalesForecastIsEvaluatedTimeOrderedDeployedAndDrivesStockReplenishmentInsideTheJar() {
    String key = "ENG-IT-SALES";
    openWithDataset(
        key,
        "wine.arff",
        Map.of(
            "targetAttribute",
            "Fortified",
            "problemType",
            "forecasting",
            "timeAttribute",
            "Date",
            "horizon",
            12,
            "modelName",
            "sales-it",
            "successMetric",
            "maeRatioToSeasonalNaive",
            "successThreshold",
            1.5,
            "algorithms",
            "weka.classifiers.functions.LinearRegression\nweka.classifiers.trees.M5P",
            "intendedUse",
            "Monthly fortified wine sales for stock planning"));
    waitFor("Approve model", TRAINING, () -> taskId("mro", key, "Task_ApproveModel") != null);
    JsonNode models = get("auditor", "/api/models?engagement=" + key).json();
    assertThat(models.findValuesAsText("folds")).containsOnly("0");
    models.forEach(
        model -> assertThat(model.at("/metrics/maeRatioToSeasonalNaive").asDouble()).isPositive());
    assertThat(
            completeTask(
                    "mro",
                    taskId("mro", key, "Task_ApproveModel"),
                    Map.of(
                        "approved",
                        true,
                        "approvalReason",
                        "beats last season's figures on the held-out year"))
                .status())
        .isEqualTo(204);
    waitFor(
        "the forecaster deployed",
        Duration.ofMinutes(2),
        () ->
            get("auditor", "/api/models?engagement=" + key)
                .json()
                .findValuesAsText("status")
                .contains("DEPLOYED"));

    Reply forecast = postJson("pm", "/api/forecasts/sales-it", Map.of("horizon", 12));
    assertThat(forecast.status()).as(forecast.text()).isEqualTo(200);
    assertThat(forecast.json().path("periods")).hasSize(12);
    assertThat(forecast.json().at("/periods/0/period").asText()).isEqualTo("1995-08-01");

    Reply replenished =
        postJson(
            "pm",
            "/engine-rest/process-definition/key/stock-replenishment/start",
            Map.of(
                "variables",
                variables(
                    Map.of("modelName", "sales-it", "stockOnHand", 100, "leadTimePeriods", 3)),
                "withVariablesInReturn",
                true));
    assertThat(replenished.status()).as(replenished.text()).isEqualTo(200);
    assertThat(replenished.json().at("/variables/decision/value").asText()).isEqualTo("EXPEDITE");
  }

  @Test
  @Order(8)
  void newsStoriesTrainAsWordsAndADroppedFeedIsDecidedOnceInsideTheJar() throws Exception {
    String key = "ENG-IT-NEWS";
    startEngagement("pm", key);
    assertThat(
            completeTask(
                    "ds",
                    taskId("ds", key, "Task_AnalyseRequirements"),
                    Map.of(
                        "targetAttribute",
                        "class-att",
                        "problemType",
                        "classification",
                        "modelName",
                        "grain-news",
                        "successMetric",
                        "weightedAreaUnderROC",
                        "successThreshold",
                        0.9,
                        "algorithms",
                        "weka.classifiers.bayes.NaiveBayesMultinomial",
                        "ruleSets",
                        "news-monitoring",
                        "intendedUse",
                        "Flag grain-market news for a risk analyst"))
                .status())
        .isEqualTo(204);
    Reply upload =
        post(
            "ds",
            "/api/engagements/" + key + "/datasets?name=ReutersGrain-train.arff",
            "application/x-arff",
            resource("demo/ReutersGrain-train.arff"));
    assertThat(upload.status()).as(upload.text()).isEqualTo(201);
    waitFor("Approve model", TRAINING, () -> taskId("mro", key, "Task_ApproveModel") != null);
    JsonNode candidate = get("auditor", "/api/models?engagement=" + key).json().get(0);
    // the stories were learned from their words, with Weka's own figures for the command the model
    // list names
    assertThat(candidate.path("wekaCommand").asText())
        .startsWith(
            "weka.classifiers.meta.FilteredClassifier -F "
                + "\"weka.filters.unsupervised.attribute.StringToWordVector -R 1 ");
    assertThat(candidate.at("/metrics/pctCorrect").asDouble()).isEqualTo(96.33204633204633);
    assertThat(candidate.at("/metrics/text/informativeWords/1/words/0/word").asText())
        .isEqualTo("wheat");
    assertThat(
            completeTask(
                    "mro",
                    taskId("mro", key, "Task_ApproveModel"),
                    Map.of("approved", true, "approvalReason", "reads grain news from its words"))
                .status())
        .isEqualTo(204);
    waitFor(
        "the text model deployed",
        Duration.ofMinutes(2),
        () ->
            get("auditor", "/api/models?engagement=" + key)
                .json()
                .findValuesAsText("status")
                .contains("DEPLOYED"));
    assertThat(
            get("auditor", "/api/models/" + candidate.path("modelVersionId").asText() + "/card")
                .text())
        .contains("What the model reads in the text")
        .contains("wheat");

    // a feed file dropped into the news inbox: each story decided once, the grain one sent to
    // review
    String grain =
        "U.S. WHEAT EXPORTS TO CHINA RISE The U.S. Agriculture Department said wheat export sales to China"
            + " rose to 500,000 tonnes under the export enhancement program, with more grain and corn sales expected.";
    String earnings =
        "COBANCO INC YEAR NET Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000 Assets 510.2 mln";
    Path inbox = lepton.dataDir().resolve("inbox/news");
    Files.createDirectories(inbox);
    Files.writeString(
        inbox.resolve("it.xml.part"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
            + "<title>it</title><link>https://lepton.ai/it</link><description>it</description>"
            + "<item><title>grain</title><description>"
            + grain
            + "</description><guid>it-1</guid></item>"
            + "<item><title>earnings</title><description>"
            + earnings
            + "</description><guid>it-2</guid></item>"
            + "</channel></rss>");
    Files.move(inbox.resolve("it.xml.part"), inbox.resolve("it.xml"));
    waitFor(
        "two news decisions",
        Duration.ofMinutes(1),
        () -> get("auditor", "/api/decisions?model=grain-news").json().size() == 2);
    JsonNode decisions = get("auditor", "/api/decisions?model=grain-news").json();
    assertThat(decisions.findValuesAsText("decision"))
        .containsExactlyInAnyOrder("REVIEW_NEGATIVE_NEWS", "IGNORE");
    decisions.forEach(
        decision -> assertThat(decision.path("explanation").get(0).has("word")).isTrue());
    assertThat(
            get("auditor", "/engine-rest/task?processDefinitionKey=news-monitoring")
                .json()
                .findValuesAsText("name"))
        .containsExactly("Review negative news");
  }

  private String openWithDataset(String key, String datasetFile, Map<String, Object> requirements) {
    String instance = startEngagement("pm", key);
    assertThat(
            completeTask("ds", taskId("ds", key, "Task_AnalyseRequirements"), requirements)
                .status())
        .isEqualTo(204);
    Reply upload =
        post(
            "ds",
            "/api/engagements/" + key + "/datasets?name=" + datasetFile,
            datasetFile.endsWith(".arff") ? "application/x-arff" : "text/csv",
            resource("e2e/" + datasetFile));
    assertThat(upload.status()).as(upload.text()).isEqualTo(201);
    return instance;
  }

  private String currentSteps(String key) {
    return get("auditor", "/api/engagements/" + key).json().path("currentSteps").toString();
  }

  /** The data a model version was trained on, as stored by Lepton, read by Weka. */
  private Instances trainingData(JsonNode model) throws Exception {
    String datasetId = model.path("datasetId").asText();
    JsonNode dataset = get("auditor", "/api/datasets/" + datasetId).json();
    byte[] bytes = get("auditor", "/api/datasets/" + datasetId + "/file").bytes();
    Instances data;
    if ("arff".equals(dataset.path("format").asText())) {
      data =
          new Instances(
              new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    } else {
      CSVLoader loader = new CSVLoader();
      loader.setSource(new ByteArrayInputStream(bytes));
      data = loader.getDataSet();
    }
    data.setClass(data.attribute(model.path("targetAttribute").asText()));
    return data;
  }

  private static Map<String, String> postgres() throws Exception {
    postgresDatabase = "lepton_it_" + System.currentTimeMillis();
    try (Connection admin =
        DriverManager.getConnection(postgresUrl("postgres"), postgresUser(), postgresPassword())) {
      admin.createStatement().execute("CREATE DATABASE " + postgresDatabase);
    }
    return Map.of(
        "SPRING_PROFILES_ACTIVE",
        "postgres",
        "LEPTON_DB_URL",
        postgresUrl(postgresDatabase),
        "LEPTON_DB_USER",
        postgresUser(),
        "LEPTON_DB_PASSWORD",
        postgresPassword());
  }

  private static String postgresUrl(String database) {
    return System.getenv()
            .getOrDefault("LEPTON_IT_POSTGRES_URL", "jdbc:postgresql://localhost:5432/")
        + database;
  }

  private static String postgresUser() {
    return System.getenv().getOrDefault("LEPTON_IT_POSTGRES_USER", "lepton");
  }

  private static String postgresPassword() {
    return System.getenv().getOrDefault("LEPTON_IT_POSTGRES_PASSWORD", "lepton");
  }
}
