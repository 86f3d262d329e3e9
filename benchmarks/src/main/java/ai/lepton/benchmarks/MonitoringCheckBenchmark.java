package ai.lepton.benchmarks;

import ai.lepton.ml.Json;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.RowValues;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.monitoring.MonitoringDataInbox;
import ai.lepton.ml.monitoring.MonitoringService;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.NewModelVersion;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.training.TrainingResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;
import weka.core.Instances;

/**
 * One maintenance check of a model version with N logged decisions (default 100,000, the wa_churn
 * rows over and over) on an H2 file as the app runs it: the decisions read and parsed, PSI and KS
 * for each of the 19 attributes against the 7,043 training rows, accuracy on 1,000 recorded
 * outcomes, the check stored and audited. Reports the median time, the bytes the check allocates,
 * the heap's peak while it runs, and in the same run the raw floor: reading the same N JSON strings
 * over JDBC, and reading plus parsing each into a map with Jackson.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am install -DskipTests && mvn -q -pl benchmarks exec:exec
 * -Dexec.executable=java -Dexec.args="-Xmx256m -cp %classpath
 * ai.lepton.benchmarks.MonitoringCheckBenchmark 100000"}
 */
public final class MonitoringCheckBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = ScratchDirectory.create("lepton-monitoring-bench");
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:file:" + dir.resolve("lepton") + ";WRITE_DELAY=0", "sa", "");
    BenchStores stores = BenchStores.on(pool);
    JdbcTemplate jdbc = stores.jdbc();
    DatasetStore datasets = stores.datasets();
    AuditTrail audit = stores.audit();
    ModelRegistry registry = stores.registry();
    DecisionLog log = stores.log();
    MonitoringService monitoring =
        new MonitoringService(
            registry,
            datasets,
            log,
            new MonitoringDataInbox(jdbc),
            audit,
            jdbc,
            0.1,
            0.25,
            decisions,
            200);

    byte[] bytes = BenchData.resource("data/wa_churn.csv");
    DatasetReader.Parsed parsed = DatasetReader.read(bytes, null, "wa_churn");
    StoredDataset raw = datasets.storeUpload("ENG-BENCH", "wa_churn.csv", bytes, parsed, "bench");
    Instances customers =
        DatasetPreparer.prepare(parsed.instances(), "churn", ProblemType.CLASSIFICATION).data();
    StoredDataset prepared = datasets.storeDerived(raw, customers, List.of());
    AlgorithmSpec bayes = AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayes");
    TrainingResult trained = CrossValidationTrainer.train(customers, bayes, 10, 1);
    String version =
        registry.register(
            new NewModelVersion(
                "churn-bench",
                "ENG-BENCH",
                null,
                1,
                "classification",
                "churn",
                bayes,
                1,
                10,
                prepared.id(),
                prepared.sha256(),
                trained));
    BenchDeployment.deploy(registry, version);

    long loadStart = System.nanoTime();
    List<String> features = new ArrayList<>();
    for (int r = 0; r < customers.numInstances(); r++) {
      Map<String, Object> row = RowValues.of(customers, customers.instance(r));
      row.remove("churn");
      features.add(Json.write(row));
    }
    Timestamp at = Timestamp.from(Instant.now().plusSeconds(1));
    List<Object[]> batch = new ArrayList<>();
    for (int d = 0; d < decisions; d++) {
      batch.add(
          new Object[] {
            "dc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
            "churn-bench",
            version,
            "churn-retention",
            features.get(d % features.size()),
            d % 3 == 0 ? "Yes" : "No",
            0.7,
            "{\"Yes\":0.7,\"No\":0.3}",
            "NO_ACTION",
            "",
            "",
            null,
            at,
            "[]"
          });
      if (batch.size() == 5_000 || d == decisions - 1) {
        jdbc.batchUpdate(
            "INSERT INTO lepton_decision (id, model_name, model_version_id, rule_set, features_json,"
                + " prediction, probability, distribution_json, decision, rules_fired, reason, process_instance_id,"
                + " decided_at, explanation_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            batch);
        batch.clear();
      }
    }
    List<String> labelled =
        jdbc.queryForList("SELECT id FROM lepton_decision LIMIT 1000", String.class);
    for (String id : labelled) {
      log.recordOutcome(id, "No", "bench");
    }
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d cores, max heap %d MiB; %,d decisions logged in %.1f s%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        decisions,
        (System.nanoTime() - loadStart) / 1e9);

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] check = new long[reps + 1];
    long[] jdbcOnly = new long[reps + 1];
    long[] jackson = new long[reps + 1];
    long allocated = 0;
    long peak = 0;
    Map<String, Object> result = null;
    for (int rep = 0; rep <= reps; rep++) {
      System.gc();
      long before = threads.getCurrentThreadAllocatedBytes();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      result = monitoring.check(version, "ENG-BENCH", "bench");
      check[rep] = System.nanoTime() - start;
      allocated = threads.getCurrentThreadAllocatedBytes() - before;
      peak =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .mapToLong(p -> p.getPeakUsage().getUsed())
              .sum();

      jdbc.execute(
          "SET LAZY_QUERY_EXECUTION TRUE"); // the pool hands out one connection here: the cheapest
      // read
      start = System.nanoTime();
      long[] chars = {0};
      jdbc.query(
          "SELECT features_json FROM lepton_decision WHERE model_version_id = ?",
          rs -> {
            chars[0] += rs.getString(1).length();
          },
          version);
      jdbcOnly[rep] = System.nanoTime() - start;

      start = System.nanoTime();
      long[] fields = {0};
      jdbc.query(
          "SELECT features_json FROM lepton_decision WHERE model_version_id = ?",
          rs -> {
            try {
              fields[0] += JSON.readValue(rs.getString(1), Map.class).size();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          },
          version);
      jackson[rep] = System.nanoTime() - start;
      jdbc.execute("SET LAZY_QUERY_EXECUTION FALSE");
    }
    if (((Number) result.get("recentRows")).intValue() != decisions) {
      throw new IllegalStateException(
          "the check read " + result.get("recentRows") + " rows, not " + decisions);
    }
    double checkMs = median(check) / 1e6;
    double jdbcMs = median(jdbcOnly) / 1e6;
    double jacksonMs = median(jackson) / 1e6;
    System.out.println(
        "| what (median of " + reps + " after a warm-up) | time | ratio to the JDBC read |");
    System.out.println("|---|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| JDBC read of the %,d features_json strings | %.0f ms | 1.0× |%n",
        decisions,
        jdbcMs);
    System.out.printf(
        Locale.ROOT,
        "| JDBC read + Jackson parse of each into a map | %.0f ms | %.2f× |%n",
        jacksonMs,
        jacksonMs / jdbcMs);
    System.out.printf(
        Locale.ROOT,
        "| Lepton monitoring check (read, columns, PSI + KS for %d attributes, accuracy on"
            + " %s outcomes, stored and audited) | %.0f ms | %.2f× |%n",
        ((List<?>) result.get("attributes")).size(),
        result.get("labelledOutcomes"),
        checkMs,
        checkMs / jdbcMs);
    System.out.printf(
        Locale.ROOT,
        "%nOne check allocates %.0f MiB in all; heap peak during it %.0f MiB (of %d MiB"
            + " max). Verdict inputs: significant drift %s, moderate %s, accuracy %.3f on %s outcomes.%n",
        allocated / 1048576.0,
        peak / 1048576.0,
        Runtime.getRuntime().maxMemory() >> 20,
        result.get("significantDrift"),
        result.get("moderateDrift"),
        result.get("recentAccuracy"),
        result.get("labelledOutcomes"));
    pool.dispose();
  }

  private static double median(long[] values) {
    long[] timed = Arrays.copyOfRange(values, 1, values.length);
    Arrays.sort(timed);
    return timed[timed.length / 2];
  }
}
