package ai.lepton.benchmarks;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.work.EmbeddedWorker;
import ai.lepton.ml.work.TrainingTasks;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;

/**
 * Training overhead of Lepton's <em>Train candidate</em> against Weka alone, measured side by side
 * in one JVM.
 *
 * <p>Lepton: a real Camunda engine (history FULL, Spring transactions as in the app) on an H2 file
 * with {@code WRITE_DELAY=0} (the app's durability setting) creates the external training task, and
 * the embedded training worker fetches and locks it, loads the prepared dataset from the store,
 * cross-validates, builds the final model, serializes it, registers it and completes the task.
 * Baselines on the same in-memory data: (a) what the Weka Explorer does for "Cross-validation, 10
 * folds" — {@code crossValidateModel} plus the model on all data; (b) {@code crossValidateModel}
 * alone.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am install -DskipTests && mvn -q -pl benchmarks exec:java}
 * (arguments: repetitions, default 5; H2 WRITE_DELAY in ms, default 0 as in the app): {@code mvn -q
 * -pl benchmarks exec:java -Dexec.args="5 500"}.
 */
public final class TrainingOverheadBenchmark {

  private static final String[] ALGORITHMS = {
    "weka.classifiers.trees.J48 -C 0.25 -M 2",
    "weka.classifiers.bayes.NaiveBayes",
    "weka.classifiers.functions.Logistic -R 1.0E-8 -M -1"
  };
  private static final int FOLDS = 10;
  private static final int SEED = 1;

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // H2's WRITE_DELAY in ms: 0 is the app's setting (each commit written before it is
    // acknowledged); H2's own
    // default of 500 batches writes and can lose acknowledged commits in a crash.
    int writeDelay = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Path dir = ScratchDirectory.create("lepton-bench");
    System.setProperty("WEKA_HOME", dir.resolve("wekafiles").toString());
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:file:" + dir.resolve("lepton") + ";WRITE_DELAY=" + writeDelay, "sa", "");
    BenchStores stores = BenchStores.on(pool);
    JdbcTemplate jdbc = stores.jdbc();
    DatasetStore datasets = stores.datasets();
    AuditTrail audit = stores.audit();
    ModelRegistry registry = stores.registry();
    RequirementsRecord requirements = stores.requirements();
    ProcessEngine engine = TrainingBenchEngine.create(pool, "train-benchmark");
    TrainingTasks tasks =
        new TrainingTasks(
            engine.getExternalTaskService(),
            engine.getRuntimeService(),
            requirements,
            datasets,
            registry,
            new AsLepton((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()),
            stores.audit());
    EmbeddedWorker worker =
        new EmbeddedWorker(
            engine.getExternalTaskService(),
            engine.getIdentityService(),
            tasks,
            datasets,
            new EmbeddedWorker.WorkerSettings(1, null, null, null),
            java.util.List.of(),
            org.springframework.transaction.support.TransactionOperations.withoutTransaction());

    System.out.printf(
        Locale.ROOT,
        "Java %s, %d cores, %d repetitions (medians in ms; at least this many rounds), H2 WRITE_DELAY=%d%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        reps,
        writeDelay);
    System.out.println(
        "| dataset | algorithm | rounds | Weka CV + final model | Weka CV alone"
            + " | Lepton task + worker in engine | ratio vs CV + final | ratio vs CV alone |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (String[] dataset :
        new String[][] {
          {"credit-g", "weka/gui/knowledgeflow/templates/credit-g.arff", "class"},
          {"wa_churn", "data/wa_churn.csv", "churn"}
        }) {
      byte[] bytes = resource(dataset[1]);
      DatasetReader.Parsed parsed = DatasetReader.read(bytes, null, dataset[0]);
      StoredDataset raw = datasets.storeUpload("ENG-BENCH", dataset[0], bytes, parsed, "bench");
      DatasetPreparer.Prepared prepared =
          DatasetPreparer.prepare(parsed.instances(), dataset[2], ProblemType.CLASSIFICATION);
      StoredDataset stored = datasets.storeDerived(raw, prepared.data(), prepared.recipe());
      Instances data = datasets.load(stored.id());
      data.setClass(data.attribute(dataset[2]));
      // the delegate trains what the engagement's recorded requirements name
      requirements.record(
          new Requirements(
              "ENG-BENCH",
              0,
              "bench",
              dataset[2],
              "classification",
              "bench",
              "pctCorrect",
              0,
              String.join("\n", ALGORITHMS),
              FOLDS,
              SEED,
              "",
              null,
              null,
              null,
              "bench",
              null,
              java.time.Instant.now(),
              null,
              null,
              null,
              null));
      for (String algorithm : ALGORITHMS) {
        AlgorithmSpec spec = AlgorithmSpec.parse(algorithm);
        Map<String, Object> variables = new HashMap<>();
        variables.put("algorithm", algorithm);
        variables.put("preparedDatasetId", stored.id());
        variables.put("targetAttribute", dataset[2]);
        variables.put("problemType", "classification");
        variables.put("modelName", "bench");
        variables.put("folds", FOLDS);
        variables.put("seed", SEED);
        variables.put("trainingRound", 1);
        List<Long> explorer = new ArrayList<>();
        List<Long> cvOnly = new ArrayList<>();
        List<Long> lepton = new ArrayList<>();
        // Warm up for about two seconds, then measure at least `reps` rounds and at least ~3 s per
        // arm, so that
        // millisecond-scale runs are not read off a handful of noisy samples.
        int rounds = reps;
        for (int i = -warmUpRounds(spec, data); i < rounds; i++) {
          boolean measure = i >= 0;
          long a = time(() -> wekaCrossValidation(spec, data, true));
          long b = time(() -> wekaCrossValidation(spec, data, false));
          long c =
              time(
                  () -> {
                    engine
                        .getRuntimeService()
                        .startProcessInstanceByKey("train-benchmark", "ENG-BENCH", variables);
                    if (worker.workOnAll("ENG-BENCH") != 1) {
                      throw new IllegalStateException("the training task was not done");
                    }
                  });
          if (measure) {
            explorer.add(a);
            cvOnly.add(b);
            lepton.add(c);
          } else {
            rounds = Math.max(reps, (int) Math.min(300, 3000 / Math.max(1, c)));
          }
        }
        double e = median(explorer);
        double v = median(cvOnly);
        double l = median(lepton);
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %d | %.1f | %.1f | %.1f | %.3f | %.3f |%n",
            dataset[0],
            spec.simpleName(),
            lepton.size(),
            e,
            v,
            l,
            l / e,
            l / v);
      }
    }
    System.out.println();
    fixedCosts(engine, datasets, pool);
    engine.close();
    pool.dispose();
  }

  /**
   * What the delegate adds whatever the algorithm: a cold dataset parse, and the engine around a
   * no-op task.
   */
  private static void fixedCosts(
      ProcessEngine engine, DatasetStore datasets, JdbcConnectionPool pool) throws Exception {
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "noop.bpmn",
            Bpmn.createExecutableProcess("noop-benchmark")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Noop")
                .camundaExpression("${true}")
                .endEvent()
                .done())
        .deploy();
    Map<String, Object> variables = new HashMap<>();
    for (String name :
        List.of("algorithm", "preparedDatasetId", "targetAttribute", "problemType", "modelName")) {
      variables.put(name, "x");
    }
    variables.put("folds", FOLDS);
    variables.put("seed", SEED);
    variables.put("trainingRound", 1);
    List<Long> noop = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long start = System.nanoTime();
      engine
          .getRuntimeService()
          .startProcessInstanceByKey("noop-benchmark", "ENG-BENCH", variables);
      noop.add((System.nanoTime() - start) / 1_000);
    }
    System.out.printf(
        Locale.ROOT,
        "Engine around a no-op task with the same 8 variables, history FULL: median %.2f ms"
            + " (200 runs)%n",
        median(noop.subList(100, 200)) / 1000.0);
    for (String[] dataset :
        new String[][] {
          {"credit-g", "weka/gui/knowledgeflow/templates/credit-g.arff"},
          {"wa_churn", "data/wa_churn.csv"}
        }) {
      byte[] bytes = resource(dataset[1]);
      List<Long> parse = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        long start = System.nanoTime();
        Instances data = DatasetReader.read(bytes, null, dataset[0]).instances();
        parse.add((System.nanoTime() - start) / 1_000);
        if (data.numInstances() == 0) {
          throw new IllegalStateException();
        }
      }
      System.out.printf(
          Locale.ROOT,
          "Cold parse of %s (first candidate of an engagement; later ones hit the "
              + "cache): median %.1f ms%n",
          dataset[0],
          median(parse.subList(5, 10)) / 1000.0);
    }
  }

  private static int warmUpRounds(AlgorithmSpec spec, Instances data) {
    long once = Math.max(1, time(() -> wekaCrossValidation(spec, data, true)));
    return (int) Math.max(2, Math.min(100, 2000 / once));
  }

  private static void wekaCrossValidation(
      AlgorithmSpec spec, Instances data, boolean withFinalModel) {
    try {
      Evaluation evaluation = new Evaluation(data);
      evaluation.crossValidateModel(spec.newClassifier(), data, FOLDS, new Random(SEED));
      if (withFinalModel) {
        Classifier model = spec.newClassifier();
        model.buildClassifier(data);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long time(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static byte[] resource(String path) throws Exception {
    try (InputStream in =
        TrainingOverheadBenchmark.class.getClassLoader().getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
