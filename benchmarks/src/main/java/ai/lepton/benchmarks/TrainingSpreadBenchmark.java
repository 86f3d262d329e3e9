package ai.lepton.benchmarks;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.work.EmbeddedWorker;
import ai.lepton.ml.work.TrainingTasks;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether training work spreads over workers: N engagements, each with one <em>Train candidate</em>
 * task, drained by one training worker and by two (one thread each), alternating in one run on one
 * engine (history FULL, H2 file). The workers fetch and lock one task at a time, so the second
 * takes what the first has not locked. Two workers on a machine of two cores is the most this
 * machine can show: the ratio is bounded by the cores, not by the protocol.
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks exec:exec -Dexec.executable=java -Dexec.args="-cp
 * %classpath ai.lepton.benchmarks.TrainingSpreadBenchmark 6 3"} (engagements, rounds per arm).
 */
public final class TrainingSpreadBenchmark {

  private static String ALGORITHM = "weka.classifiers.trees.RandomForest -I 40 -S 1";

  public static void main(String[] args) throws Exception {
    int engagements = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (args.length > 2) {
      ALGORITHM = args[2].replace('_', ' '); // a Weka command with _ for spaces
    }
    Path dir = ScratchDirectory.create("lepton-spread");
    System.setProperty("WEKA_HOME", dir.resolve("wekafiles").toString());
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:file:" + dir.resolve("lepton") + ";WRITE_DELAY=0", "sa", "");
    pool.setMaxConnections(20);
    BenchStores stores = BenchStores.on(pool);
    JdbcTemplate jdbc = stores.jdbc();
    DatasetStore datasets = stores.datasets();
    AuditTrail audit = stores.audit();
    ModelRegistry registry = stores.registry();
    RequirementsRecord requirements = stores.requirements();
    ProcessEngine engine = TrainingBenchEngine.create(pool, "spread-benchmark");
    TrainingTasks tasks =
        new TrainingTasks(
            engine.getExternalTaskService(),
            engine.getRuntimeService(),
            requirements,
            datasets,
            registry,
            new AsLepton((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()),
            stores.audit());

    // each engagement its own copy of the German credit data, prepared as an engagement prepares it
    byte[] bytes;
    try (InputStream in =
        TrainingSpreadBenchmark.class
            .getClassLoader()
            .getResourceAsStream("weka/gui/knowledgeflow/templates/credit-g.arff")) {
      bytes = in.readAllBytes();
    }
    List<String> keys = new ArrayList<>();
    Map<String, String> prepared = new HashMap<>();
    for (int i = 1; i <= engagements; i++) {
      String key = "ENG-SPREAD-" + i;
      DatasetReader.Parsed parsed = DatasetReader.read(bytes, null, "credit-g");
      StoredDataset raw = datasets.storeUpload(key, "credit-g", bytes, parsed, "bench");
      DatasetPreparer.Prepared data =
          DatasetPreparer.prepare(parsed.instances(), "class", ProblemType.CLASSIFICATION);
      prepared.put(key, datasets.storeDerived(raw, data.data(), data.recipe()).id());
      requirements.record(
          new Requirements(
              key,
              0,
              "bench",
              "class",
              "classification",
              "spread-" + i,
              "pctCorrect",
              0,
              ALGORITHM,
              10,
              1,
              "",
              null,
              null,
              null,
              "bench",
              null,
              Instant.now(),
              null,
              null,
              null,
              null));
      keys.add(key);
    }

    System.out.printf(
        Locale.ROOT,
        "Java %s, %d cores; %d engagements, one %s candidate each, credit-g (1,000 rows)%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        engagements,
        ALGORITHM);
    List<Long> one = new ArrayList<>();
    List<Long> two = new ArrayList<>();
    drain(engine, tasks, datasets, keys, prepared, 1); // warm-up
    for (int round = 0; round < rounds; round++) {
      one.add(drain(engine, tasks, datasets, keys, prepared, 1));
      two.add(drain(engine, tasks, datasets, keys, prepared, 2));
    }
    double a = median(one);
    double b = median(two);
    System.out.println(
        "| workers | rounds | wall time to train all, median (ms) | all rounds (ms) |");
    System.out.println("|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| 1 | %d | %.0f | %s |%n", one.size(), a, one);
    System.out.printf(Locale.ROOT, "| 2 | %d | %.0f | %s |%n", two.size(), b, two);
    System.out.printf(
        Locale.ROOT, "%nTwo workers take %.2f× the time of one (target ≤ 0.60)%n", b / a);
    engine.close();
    pool.dispose();
  }

  /**
   * Opens one training task per engagement, then lets {@code workers} workers (one thread each)
   * drain them.
   */
  private static long drain(
      ProcessEngine engine,
      TrainingTasks tasks,
      DatasetStore datasets,
      List<String> keys,
      Map<String, String> prepared,
      int workers)
      throws Exception {
    for (String key : keys) {
      engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              "spread-benchmark",
              key,
              Map.of(
                  "algorithm",
                  ALGORITHM,
                  "preparedDatasetId",
                  prepared.get(key),
                  "trainingRound",
                  1));
    }
    ExecutorService threads = Executors.newFixedThreadPool(workers);
    long start = System.nanoTime();
    List<Future<Integer>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      EmbeddedWorker worker =
          new EmbeddedWorker(
              engine.getExternalTaskService(),
              engine.getIdentityService(),
              tasks,
              datasets,
              new EmbeddedWorker.WorkerSettings(1, null, null, null),
              java.util.List.of(),
              org.springframework.transaction.support.TransactionOperations.withoutTransaction());
      done.add(
          threads.submit(
              () -> {
                int n = 0;
                for (int got = worker.workOnOneTask(); got > 0; got = worker.workOnOneTask()) {
                  n += got;
                }
                return n;
              }));
    }
    int trained = 0;
    for (Future<Integer> f : done) {
      trained += f.get();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    threads.shutdown();
    if (trained != keys.size()) {
      throw new IllegalStateException("trained " + trained + " of " + keys.size());
    }
    return millis;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
