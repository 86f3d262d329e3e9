package ai.lepton.benchmarks;

import ai.lepton.ml.Json;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.dataset.TextColumns;
import ai.lepton.ml.delegate.LogDecisionDelegate;
import ai.lepton.ml.delegate.ScoreRecordDelegate;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.NewModelVersion;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.training.TextLearner;
import ai.lepton.rules.ApplyRulesDelegate;
import ai.lepton.rules.RuleService;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import weka.core.Instances;

/**
 * A decision on a text against a tabular decision of the same model family, through the same
 * straight-through {@code model-decision} (score with its explanation, rules, decision log) on one
 * engine and H2 file, on 2 threads, rounds alternating A B B A A B B A: NaiveBayes on wa_churn
 * customers with churn-retention, and NaiveBayesMultinomial on word vectors of the Reuters grain
 * stories with news-monitoring. Prints both and the ratio of their time per decision. Then the raw
 * scoring of each (no engine), for the same ratio without the decision around it.
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am install -DskipTests && mvn -B -q -pl benchmarks
 * exec:exec -Dexec.executable=java -Dexec.args="-Xmx1g -cp %classpath
 * ai.lepton.benchmarks.TextDecisionBenchmark 5000"}
 */
public final class TextDecisionBenchmark {

  private TextDecisionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Path dir = ScratchDirectory.create("lepton-text-decisions");
    System.setProperty("WEKA_HOME", dir.resolve("wekafiles").toString());
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl("jdbc:h2:file:" + dir.resolve("lepton") + ";WRITE_DELAY=0");
    hikari.setUsername("sa");
    hikari.setPassword("");
    hikari.setMaximumPoolSize(8);
    HikariDataSource pool = new HikariDataSource(hikari);
    BenchStores stores = BenchStores.on(pool);
    DatasetStore datasets = stores.datasets();
    ModelRegistry registry = stores.registry();
    RequirementsRecord requirements = stores.requirements();

    // tabular: NaiveBayes on wa_churn
    byte[] churnBytes = BenchData.resource("data/wa_churn.csv");
    DatasetReader.Parsed churn = DatasetReader.read(churnBytes, null, "wa_churn");
    StoredDataset churnRaw =
        datasets.storeUpload("ENG-BENCH-NB", "wa_churn.csv", churnBytes, churn, "bench");
    Instances customers =
        DatasetPreparer.prepare(churn.instances(), "churn", ProblemType.CLASSIFICATION).data();
    StoredDataset churnPrepared = datasets.storeDerived(churnRaw, customers, List.of());
    AlgorithmSpec bayes = AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayes");
    BenchDeployment.deploy(
        registry,
        requirements,
        registry.register(
            new NewModelVersion(
                "churn-nb",
                "ENG-BENCH-NB",
                null,
                1,
                "classification",
                "churn",
                bayes,
                1,
                10,
                churnPrepared.id(),
                churnPrepared.sha256(),
                CrossValidationTrainer.train(customers, bayes, 10, 1))),
        "churn-retention");

    // text: NaiveBayesMultinomial on word vectors of the Reuters grain stories
    byte[] newsBytes = Files.readAllBytes(Path.of("../datasets/ReutersGrain-train.arff"));
    DatasetReader.Parsed news = DatasetReader.read(newsBytes, DatasetFormat.ARFF);
    StoredDataset newsRaw =
        datasets.storeUpload("ENG-BENCH-TEXT", "ReutersGrain-train.arff", newsBytes, news, "bench");
    Instances stories =
        DatasetPreparer.prepare(
                news.instances(),
                "class-att",
                ProblemType.CLASSIFICATION,
                List.of(),
                TextColumns.of(news.instances(), List.of(), "class-att"))
            .data();
    StoredDataset newsPrepared = datasets.storeDerived(newsRaw, stories, List.of());
    AlgorithmSpec multinomial =
        TextLearner.around(
            AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayesMultinomial"),
            stories,
            Requirements.TextSettings.DEFAULT_OPTIONS);
    BenchDeployment.deploy(
        registry,
        requirements,
        registry.register(
            new NewModelVersion(
                "grain-news-bench",
                "ENG-BENCH-TEXT",
                null,
                1,
                "classification",
                "class-att",
                multinomial,
                1,
                10,
                newsPrepared.id(),
                newsPrepared.sha256(),
                CrossValidationTrainer.train(stories, multinomial, 10, 1))),
        "news-monitoring");

    RuleService rules = new RuleService();
    DeployedModels models = new DeployedModels(registry, datasets, requirements);
    RecordScorer scorer = new RecordScorer(models);
    DecisionLog log = stores.log();
    ProcessEngine engine =
        DecisionBenchmark.engine(
            pool,
            "lepton-full",
            Map.of(
                "scoreRecord",
                new ScoreRecordDelegate(scorer),
                "applyRules",
                new ApplyRulesDelegate(rules),
                "logDecision",
                new LogDecisionDelegate(log, java.util.Optional.empty())));

    List<String> customerRecords = BenchData.jsonRecords(customers);
    List<String> storyRecords = BenchData.jsonRecords(stories);
    List<Map<String, Object>> customerMaps = customerRecords.stream().map(Json::readMap).toList();
    List<Map<String, Object>> storyMaps = storyRecords.stream().map(Json::readMap).toList();

    // warm-up, both paths
    DecisionBenchmark.decide(engine, "churn-nb", "churn-retention", customerRecords, decisions);
    DecisionBenchmark.decide(
        engine, "grain-news-bench", "news-monitoring", storyRecords, decisions);
    List<DecisionBenchmark.Run> tabular = new ArrayList<>();
    List<DecisionBenchmark.Run> text = new ArrayList<>();
    for (char side : "ABBAABBA".toCharArray()) {
      if (side == 'A') {
        tabular.add(
            DecisionBenchmark.decide(
                engine, "churn-nb", "churn-retention", customerRecords, decisions));
      } else {
        text.add(
            DecisionBenchmark.decide(
                engine, "grain-news-bench", "news-monitoring", storyRecords, decisions));
      }
    }
    double tabularScore = scoring(scorer, "churn-nb", customerMaps, decisions);
    double textScore = scoring(scorer, "grain-news-bench", storyMaps, decisions);
    DecisionBenchmark.Run a = DecisionBenchmark.median(tabular);
    DecisionBenchmark.Run b = DecisionBenchmark.median(text);
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d cores, H2 file, %,d decisions a round, 2 callers%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        decisions);
    System.out.println(
        "| decision (model-decision: scored with explanation, rules, logged) | decisions/s | p50 ms |"
            + " p99 ms | per decision µs |");
    System.out.println("|---|---|---|---|---|");
    DecisionBenchmark.print("tabular: NaiveBayes, wa_churn customer, churn-retention", a);
    DecisionBenchmark.print(
        "text: NaiveBayesMultinomial on word vectors, Reuters story, news-monitoring", b);
    System.out.printf(
        Locale.ROOT,
        "%nrounds: tabular %s; text %s%n",
        DecisionBenchmark.rates(tabular),
        DecisionBenchmark.rates(text));
    System.out.printf(
        Locale.ROOT,
        "a text decision takes %.2f× a tabular decision of the same family%n",
        a.perSecond() / b.perSecond());
    System.out.printf(
        Locale.ROOT,
        "scoring with explanation alone (one thread, no engine): tabular %.1f µs, text %.1f"
            + " µs (%.1f×)%n",
        tabularScore,
        textScore,
        textScore / tabularScore);
    engine.close();
    pool.close();
  }

  /** Mean µs of one explained score, the second half of 2 × count calls (the first warms up). */
  private static double scoring(
      RecordScorer scorer, String model, List<Map<String, Object>> records, int count) {
    long start = 0;
    for (int i = -count; i < count; i++) {
      if (i == 0) {
        start = System.nanoTime();
      }
      scorer.score(model, records.get(Math.abs(i) % records.size()), true);
    }
    return (System.nanoTime() - start) / 1e3 / count;
  }
}
