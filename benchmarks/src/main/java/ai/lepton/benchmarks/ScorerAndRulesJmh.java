package ai.lepton.benchmarks;

import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.ml.scoring.PerturbationExplainer;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.rules.ChurnCase;
import ai.lepton.rules.DecisionOutcome;
import ai.lepton.rules.RuleService;
import ai.lepton.rules.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import weka.classifiers.Classifier;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Lepton's scorer and rule session against raw Weka and raw Drools on the same wa_churn rows (JMH).
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am install -DskipTests && mvn -B -q -pl benchmarks
 * exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main
 * ScorerAndRulesJmh"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScorerAndRulesJmh {

  private Instances data;
  private Classifier j48;
  private Classifier forest;
  private Classifier bayes;
  private Classifier textModel;
  private List<Map<String, Object>> textRecords;
  private int nextText;
  private double[] baseline;
  private RecordScorer scorer;
  private List<Map<String, Object>> records;
  private RuleService rules;
  private StatelessKieSession rawSession;
  private int next;

  @Setup
  public void setUp() throws Exception {
    byte[] bytes = BenchData.resource("data/wa_churn.csv");
    data =
        DatasetPreparer.prepare(
                DatasetReader.read(bytes, null, "wa_churn").instances(),
                "churn",
                ProblemType.CLASSIFICATION)
            .data();
    j48 = new J48();
    j48.buildClassifier(data);
    Instances header = new Instances(data, 0);
    forest = new RandomForest(); // Weka's defaults: 100 trees
    forest.buildClassifier(data);
    baseline = PerturbationExplainer.baseline(header, data);
    bayes = new weka.classifiers.bayes.NaiveBayes();
    bayes.buildClassifier(data);
    // a text model of the same family: NaiveBayesMultinomial on word vectors of the Reuters grain
    // stories
    Instances stories =
        DatasetReader.read(
                java.nio.file.Files.readAllBytes(
                    java.nio.file.Path.of("../datasets/ReutersGrain-train.arff")),
                ai.lepton.ml.dataset.DatasetFormat.ARFF)
            .instances();
    Instances text =
        DatasetPreparer.prepare(
                stories,
                "class-att",
                ProblemType.CLASSIFICATION,
                List.of(),
                java.util.Set.of("Text"))
            .data();
    text.setClass(text.attribute("class-att"));
    textModel =
        ai.lepton.ml.training.TextLearner.around(
                ai.lepton.ml.training.AlgorithmSpec.parse(
                    "weka.classifiers.bayes.NaiveBayesMultinomial"),
                text,
                ai.lepton.ml.engagement.Requirements.TextSettings.DEFAULT_OPTIONS)
            .newClassifier();
    textModel.buildClassifier(text);
    Instances textHeader = ai.lepton.ml.scoring.TextRecords.headerFor(text);
    textRecords = BenchData.records(text);
    DeployedModels models =
        new DeployedModels(null, null, null) {
          @Override
          public Loaded get(String modelName) {
            return switch (modelName) {
              case "forest" -> new Loaded("mv-bench", forest, header, baseline);
              case "bayes" -> new Loaded("mv-bench-bayes", bayes, header, baseline);
              case "text" -> new Loaded("mv-bench-text", textModel, textHeader, null);
              default -> new Loaded("mv-bench", j48, header, baseline);
            };
          }
        };
    scorer = new RecordScorer(models);
    records = BenchData.records(data);
    rules = new RuleService();
    // the jar's churn-retention (version 1) compiled by Drools' builder, run bare: facts made by
    // hand, no lookup
    rawSession =
        ai.lepton.rules.RuleCompiler.compile(
                RuleSet.CHURN_RETENTION, ai.lepton.rules.JarRules.shipped(RuleSet.CHURN_RETENTION))
            .newStatelessKieSession();
  }

  private int row() {
    next = (next + 1) % data.numInstances();
    return next;
  }

  @Benchmark
  public double[] rawWekaDistribution() throws Exception {
    return j48.distributionForInstance(data.instance(row()));
  }

  @Benchmark
  public Object leptonScoreRecord() {
    return scorer.score("churn", records.get(row()), false);
  }

  @Benchmark
  public double[] rawForestDistribution() throws Exception {
    return forest.distributionForInstance(data.instance(row()));
  }

  @Benchmark
  public Object leptonScoreRecordForest() {
    return scorer.score("forest", records.get(row()), false);
  }

  /**
   * The raw work of an explained J48 decision: its distribution and one more per attribute set to
   * its baseline.
   */
  @Benchmark
  public double rawWekaExplained() throws Exception {
    Instance row = data.instance(row());
    double sum = j48.distributionForInstance(row)[0];
    double[] values = row.toDoubleArray();
    for (int a = 0; a < values.length; a++) {
      if (a != data.classIndex()) {
        double[] changed = values.clone();
        changed[a] = baseline[a];
        DenseInstance variant = new DenseInstance(1.0, changed);
        variant.setDataset(data);
        sum += j48.distributionForInstance(variant)[0];
      }
    }
    return sum;
  }

  @Benchmark
  public Object leptonScoreRecordExplained() {
    return scorer.score("churn", records.get(row()), true);
  }

  /** A tabular decision of the Naive Bayes family: NaiveBayes on a wa_churn customer. */
  @Benchmark
  public Object leptonScoreRecordNaiveBayes() {
    return scorer.score("bayes", records.get(row()), false);
  }

  /**
   * A text decision of the same family: a Reuters story through StringToWordVector and
   * NaiveBayesMultinomial.
   */
  @Benchmark
  public Object leptonScoreText() {
    nextText = (nextText + 1) % textRecords.size();
    return scorer.score("text", textRecords.get(nextText), false);
  }

  @Benchmark
  public Object leptonScoreRecordNaiveBayesExplained() {
    return scorer.score("bayes", records.get(row()), true);
  }

  /** The text decision with its explanation: each of up to 60 distinct words left out in turn. */
  @Benchmark
  public Object leptonScoreTextExplained() {
    nextText = (nextText + 1) % textRecords.size();
    return scorer.score("text", textRecords.get(nextText), true);
  }

  @Benchmark
  public Object rawDroolsExecute() {
    DecisionOutcome outcome =
        new DecisionOutcome(
            List.of(
                "NO_ACTION", "OFFER_DISCOUNT", "RETENTION_CALL", "ESCALATE_TO_ACCOUNT_MANAGER"));
    rawSession.execute(List.of(new ChurnCase(0.8, 110.0, 5.0, "Month-to-month"), outcome));
    return outcome;
  }

  @Benchmark
  public Object leptonApplyRules() {
    return rules.apply(
        RuleSet.CHURN_RETENTION,
        Map.of("monthly_charges", 110.0, "tenure", 5.0, "contract", "Month-to-month"),
        Map.of("Yes", 0.8, "No", 0.2));
  }
}
