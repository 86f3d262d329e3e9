package ai.lepton.benchmarks;

import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.delegate.LogDecisionDelegate;
import ai.lepton.ml.delegate.ScoreRecordDelegate;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engine.StraightThroughHistoryLevel;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.NewModelVersion;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.DecisionShadow;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.scoring.ShadowScoring;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.rules.ApplyRulesDelegate;
import ai.lepton.rules.RuleService;
import ai.lepton.rules.RuleSet;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Straight-through {@code model-decision} (score with a deployed J48 on wa_churn, churn-retention
 * rules, decision log) through a real engine on an H2 file, on 2 threads, without and with a
 * challenger (NaiveBayes) answering every decision in shadow, alternating; beside it, in the same
 * run, the raw work: Weka {@code distributionForInstance} plus one Drools stateless execute for the
 * same rows.
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am install -DskipTests && mvn -B -q -pl benchmarks
 * exec:exec -Dexec.executable=java -Dexec.args="-Xmx1g -cp %classpath
 * ai.lepton.benchmarks.DecisionBenchmark 20000 0 lepton-full"} (decisions, H2 WRITE_DELAY in ms,
 * history level {@code lepton-full} as in the app or {@code full}, optional further H2 settings).
 */
public final class DecisionBenchmark {

  public static void main(String[] args) throws Exception {
    int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int writeDelay =
        args.length > 1
            ? Integer.parseInt(args[1])
            : 0; // H2 WRITE_DELAY ms; 0 is the app's setting
    String history = args.length > 2 ? args[2] : StraightThroughHistoryLevel.NAME; // or "full"
    String h2Settings = args.length > 3 ? ";" + args[3] : ""; // further H2 settings to try
    Path dir = ScratchDirectory.create("lepton-decisions");
    System.setProperty("WEKA_HOME", dir.resolve("wekafiles").toString());
    // -Dlepton.bench.db=jdbc:postgresql://localhost:5432/<an empty database> (-Dlepton.bench.user,
    // .password): the
    // same run on PostgreSQL, as a Camunda cluster runs; otherwise an H2 file as the app runs by
    // default.
    String postgres = System.getProperty("lepton.bench.db");
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(
        postgres != null
            ? postgres
            : "jdbc:h2:file:" + dir.resolve("lepton") + ";WRITE_DELAY=" + writeDelay + h2Settings);
    hikari.setUsername(postgres != null ? System.getProperty("lepton.bench.user", "lepton") : "sa");
    hikari.setPassword(
        postgres != null ? System.getProperty("lepton.bench.password", "lepton") : "");
    hikari.setMaximumPoolSize(8);
    hikari.setAutoCommit(true);
    HikariDataSource pool = new HikariDataSource(hikari);
    BenchStores stores = BenchStores.on(pool);
    JdbcTemplate jdbc = stores.jdbc();
    DatasetStore datasets = stores.datasets();
    ModelRegistry registry = stores.registry();

    // A deployed J48 on wa_churn, as an engagement would leave it
    byte[] bytes = BenchData.resource("data/wa_churn.csv");
    DatasetReader.Parsed parsed = DatasetReader.read(bytes, null, "wa_churn");
    StoredDataset raw = datasets.storeUpload("ENG-BENCH", "wa_churn.csv", bytes, parsed, "bench");
    Instances data =
        DatasetPreparer.prepare(parsed.instances(), "churn", ProblemType.CLASSIFICATION).data();
    StoredDataset prepared = datasets.storeDerived(raw, data, List.of());
    AlgorithmSpec j48 = AlgorithmSpec.parse("weka.classifiers.trees.J48 -C 0.25 -M 2");
    String version =
        registry.register(
            new NewModelVersion(
                "churn-bench",
                "ENG-BENCH",
                null,
                1,
                "classification",
                "churn",
                j48,
                1,
                10,
                prepared.id(),
                prepared.sha256(),
                CrossValidationTrainer.train(data, j48, 10, 1)));
    RequirementsRecord requirements = stores.requirements();
    BenchDeployment.deploy(registry, requirements, version, "churn-retention");

    // A challenger on trial beside it (NaiveBayes on the same data), answering in shadow when the
    // run says so
    AlgorithmSpec bayes = AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayes");
    String challenger =
        registry.register(
            new NewModelVersion(
                "churn-bench",
                "ENG-BENCH",
                null,
                2,
                "classification",
                "churn",
                bayes,
                1,
                10,
                prepared.id(),
                prepared.sha256(),
                CrossValidationTrainer.train(data, bayes, 10, 1)));
    BenchDeployment.putOnTrial(registry, challenger);

    RuleService rules = new RuleService();
    DeployedModels models = new DeployedModels(registry, datasets, requirements);
    RecordScorer scorer = new RecordScorer(models);
    java.util.concurrent.atomic.AtomicBoolean shadowing =
        new java.util.concurrent.atomic.AtomicBoolean();
    // the starter's ChallengerShadow composes the same two steps: the challenger's score, the same
    // rule set on it
    DecisionShadow shadow =
        (model, ruleSet, record) ->
            scorer
                .scoreInShadow(model, record)
                .map(
                    score ->
                        new DecisionLog.ShadowAnswer(
                            score.modelVersionId(),
                            score.prediction(),
                            score.probability(),
                            rules
                                .apply(RuleSet.of(ruleSet), record, score.distribution())
                                .getDecision()));
    DecisionLog log = stores.log();
    ShadowScoring shadows =
        new ShadowScoring(
            log,
            java.util.Optional.of(shadow),
            models,
            new DataSourceTransactionManager(pool),
            10_000);
    LogDecisionDelegate plainLog = new LogDecisionDelegate(log, java.util.Optional.empty());
    LogDecisionDelegate shadowedLog = new LogDecisionDelegate(log, java.util.Optional.of(shadows));
    ProcessEngine engine =
        engine(
            pool,
            history,
            Map.of(
                "scoreRecord", new ScoreRecordDelegate(scorer),
                "applyRules", new ApplyRulesDelegate(rules),
                "logDecision",
                    (org.camunda.bpm.engine.delegate.JavaDelegate)
                        execution ->
                            (shadowing.get() ? shadowedLog : plainLog).execute(execution)));

    List<String> features = BenchData.jsonRecords(data);

    double rawWork = rawMicros(models.get("churn-bench").classifier(), data, rules, decisions);
    shadowing.set(true);
    decide(
        engine, features,
        decisions); // warm-up, both paths, full rounds: the JIT is still at work after 2,000
    shadows.flush(120_000);
    shadowing.set(false);
    decide(engine, features, decisions);
    // Without (A) and with (B) the challenger in shadow, in the order A B B A A B B A so that
    // neither side gains from
    // the JIT's and the database's drift over the run: the cost of a trial to live decisions
    List<Run> plain = new ArrayList<>();
    List<Run> shadowed = new ArrayList<>();
    for (char side : "ABBAABBA".toCharArray()) {
      shadowing.set(side == 'B');
      long begin = System.nanoTime();
      Run live = decide(engine, features, decisions);
      if (side == 'A') {
        plain.add(live);
      } else {
        shadows.flush(
            120_000); // the round ends when the challenger has answered every decision too
        shadowed.add(new Run(live.latencies(), decisions / ((System.nanoTime() - begin) / 1e9)));
      }
    }
    shadowing.set(false);
    // the shadow work alone, nothing else running: the challenger's answers to decisions already
    // logged
    List<String> logged =
        jdbc.queryForList(
            "SELECT id FROM lepton_decision ORDER BY id LIMIT ?", String.class, decisions);
    jdbc.update("DELETE FROM lepton_shadow_decision");
    long alone = System.nanoTime();
    for (int i = 0; i < logged.size(); i++) {
      shadows.submit(
          logged.get(i), "churn-bench", "churn-retention", features.get(i % features.size()));
      if (i % 5_000 == 4_999) {
        shadows.flush(120_000); // within the queue's capacity: nothing dropped
      }
    }
    shadows.flush(120_000);
    double shadowAlone = logged.size() / ((System.nanoTime() - alone) / 1e9);
    Run run = median(plain);
    Run withChallenger = median(shadowed);
    // The floor: the bare engine on the same database, a straight-through process of three no-op
    // service tasks with
    // five variables and FULL history (the shape PERFORMANCE.md measured), in the same JVM right
    // after.
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "bare.bpmn",
            Bpmn.createExecutableProcess("bare")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask()
                .camundaExpression("${true}")
                .serviceTask()
                .camundaExpression("${true}")
                .serviceTask()
                .camundaExpression("${true}")
                .endEvent()
                .done())
        .deploy();
    bare(engine, Math.min(2000, decisions));
    Run bare = bare(engine, decisions);
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d cores, %s, history %s, %d callers, %,d decisions%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        postgres != null
            ? "PostgreSQL "
                + jdbc.queryForObject("SHOW server_version", String.class)
                + " (synchronous_commit "
                + jdbc.queryForObject("SHOW synchronous_commit", String.class)
                + ")"
            : "H2 file WRITE_DELAY=" + writeDelay,
        history,
        CALLERS,
        decisions);
    System.out.println("| path | decisions/s | p50 ms | p99 ms | per decision µs |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| raw Weka distributionForInstance + Drools execute | %,.0f | | | %.1f |%n",
        1e6 / rawWork,
        rawWork);
    print("model-decision through the engine", run);
    print(
        "the same with a challenger answering in shadow (queued, scored and written in batches; rate until the"
            + " last shadow answer is written)",
        withChallenger);
    System.out.printf(
        Locale.ROOT,
        "the shadow work alone (one thread: parse, score, rules, batched rows): %,.0f"
            + " answers per s, %.1f µs each%n",
        shadowAlone,
        1e6 / shadowAlone);
    System.out.printf(
        Locale.ROOT,
        "shadow answers written: %,d, dropped (queue full): %,d%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM lepton_shadow_decision", Long.class),
        shadows.dropped());
    print("bare engine: 3 no-op tasks, 5 variables, FULL history", bare);
    System.out.printf(
        Locale.ROOT,
        "%nmodel-decision runs at %.2f× the bare engine's rate%n",
        run.perSecond() / bare.perSecond());
    System.out.printf(
        Locale.ROOT,
        "a challenger in shadow costs the decision %.1f %% of its rate, medians of four"
            + " rounds each (rounds without: %s; with: %s per s)%n",
        100 * (1 - withChallenger.perSecond() / run.perSecond()),
        rates(plain),
        rates(shadowed));
    engine.close();
    pool.close();
  }

  /**
   * Concurrent callers (system property lepton.bench.callers, default 2): an API serves many at
   * once.
   */
  private static final int CALLERS = Integer.getInteger("lepton.bench.callers", 2);

  record Run(long[] latencies, double perSecond) {}

  /**
   * The round of median rate (of four, the upper middle one's latencies with the mean of the middle
   * two rates).
   */
  static Run median(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(Run::perSecond));
    Run upper = sorted.get(sorted.size() / 2);
    return sorted.size() % 2 == 1
        ? upper
        : new Run(
            upper.latencies(),
            (upper.perSecond() + sorted.get(sorted.size() / 2 - 1).perSecond()) / 2);
  }

  static String rates(List<Run> runs) {
    return runs.stream()
        .map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond()))
        .collect(java.util.stream.Collectors.joining(" / "));
  }

  static void print(String path, Run run) {
    long[] latencies = run.latencies().clone();
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "| %s | %,.0f | %.2f | %.2f | %.1f |%n",
        path,
        run.perSecond(),
        latencies[latencies.length / 2] / 1e6,
        latencies[(int) (latencies.length * 0.99)] / 1e6,
        1e6 / run.perSecond());
  }

  private static Run bare(ProcessEngine engine, int count) throws Exception {
    return timed(
        count,
        i ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(
                    "bare", Map.of("a", i, "b", "two", "c", 3.0, "d", true, "e", "five")));
  }

  private interface Step {
    void run(int i) throws Exception;
  }

  /** Runs count steps on two threads; each step's latency and the overall rate. */
  private static Run timed(int count, Step step) throws Exception {
    long[] latencies = new long[count];
    // Daemon threads: a failed run ends the JVM (and its shutdown hook deletes the database)
    // instead of hanging.
    ExecutorService threads =
        Executors.newFixedThreadPool(
            CALLERS,
            work -> {
              Thread thread = new Thread(work);
              thread.setDaemon(true);
              return thread;
            });
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < CALLERS; t++) {
      int offset = t;
      work.add(
          threads.submit(
              () -> {
                for (int i = offset; i < count; i += CALLERS) {
                  long begin = System.nanoTime();
                  step.run(i);
                  latencies[i] = System.nanoTime() - begin;
                }
                return null;
              }));
    }
    for (Future<?> future : work) {
      future.get();
    }
    double perSecond = count / ((System.nanoTime() - start) / 1e9);
    threads.shutdown();
    return new Run(latencies, perSecond);
  }

  private static final java.util.concurrent.atomic.AtomicReference<String> DEFINITION_ID =
      new java.util.concurrent.atomic.AtomicReference<>();

  private static Run decide(ProcessEngine engine, List<String> features, int count)
      throws Exception {
    return decide(engine, "churn-bench", "churn-retention", features, count);
  }

  /**
   * {@code count} decisions of a deployed model with a rule set, the records taken in turn from
   * {@code features}.
   */
  static Run decide(
      ProcessEngine engine, String modelName, String ruleSet, List<String> features, int count)
      throws Exception {
    DEFINITION_ID.set(
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("model-decision")
            .latestVersion()
            .singleResult()
            .getId());
    return timed(
        count,
        i -> {
          Map<String, Object> variables = new HashMap<>();
          variables.put("modelName", modelName);
          variables.put("ruleSet", ruleSet);
          variables.put("features", features.get(i % features.size()));
          // As the API starts it (DecisionDefinitionCache: the latest definition's id, cached);
          // -Dlepton.bench.byKey=true
          // starts by key, which looks the latest version up in the database every time.
          if (!Boolean.getBoolean("lepton.bench.byKey")) {
            engine.getRuntimeService().startProcessInstanceById(DEFINITION_ID.get(), variables);
          } else {
            engine.getRuntimeService().startProcessInstanceByKey("model-decision", variables);
          }
        });
  }

  /**
   * Mean µs of the raw work of one decision: Weka's distribution and one stateless rule session.
   */
  private static double rawMicros(Classifier model, Instances data, RuleService rules, int count)
      throws Exception {
    Map<String, Object> features =
        Map.of("monthly_charges", 80.0, "tenure", 12.0, "contract", "Month-to-month");
    long start = 0;
    for (int i = -count; i < count; i++) { // first half warms up
      if (i == 0) {
        start = System.nanoTime();
      }
      double[] distribution =
          model.distributionForInstance(data.instance(Math.abs(i) % data.numInstances()));
      rules.apply(
          RuleSet.CHURN_RETENTION, features, Map.of("Yes", distribution[1], "No", distribution[0]));
    }
    return (System.nanoTime() - start) / 1e3 / count;
  }

  static ProcessEngine engine(DataSource pool, String history, Map<String, Object> beans) {
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setDataSource(pool);
    configuration.setTransactionManager(new DataSourceTransactionManager(pool));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setCustomHistoryLevels(List.of(new StraightThroughHistoryLevel()));
    configuration.setHistory(history);
    configuration.setJobExecutorActivate(false);
    // As the app runs on H2: MyBatis's batch flush asks the driver for the statement's query
    // timeout, which H2 answers
    // with a query on INFORMATION_SCHEMA.SETTINGS that walks every chunk of the file (a quarter of
    // the CPU).
    configuration.setJdbcBatchProcessing(
        Boolean.parseBoolean(
            System.getProperty(
                "lepton.bench.jdbcBatch",
                String.valueOf(System.getProperty("lepton.bench.db") != null))));
    configuration.setBeans(new HashMap<>(beans));
    // As the app runs (the Spring Boot starter's default, and Camunda's advice for a cluster): UUID
    // ids, not blocks
    // of ids taken from ACT_GE_PROPERTY in a transaction of their own (which needs a second
    // connection per caller).
    configuration.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
    ProcessEngine engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("bpmn/model-decision.bpmn")
        .deploy();
    return engine;
  }
}
