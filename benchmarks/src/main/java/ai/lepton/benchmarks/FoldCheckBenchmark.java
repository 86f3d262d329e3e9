package ai.lepton.benchmarks;

import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CandidateMetrics;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.FoldSpotCheck;
import java.util.Locale;
import java.util.Map;
import weka.core.Instances;

/**
 * What checking a standalone worker's figures costs the node: one fold rebuilt ({@link
 * FoldSpotCheck}) against the worker's own work (10-fold cross-validation and the final model),
 * same data, learner and seed, in the same run. Arguments: rounds, then the learner with spaces
 * written as underscores (default RandomForest, 100 trees).
 */
public final class FoldCheckBenchmark {

  private FoldCheckBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    AlgorithmSpec learner =
        AlgorithmSpec.parse(
            (args.length > 1 ? args[1] : "weka.classifiers.trees.RandomForest_-I_100_-S_1")
                .replace('_', ' '));
    Instances data =
        DatasetReader.read(
                BenchData.resource("weka/gui/knowledgeflow/templates/credit-g.arff"),
                null,
                "credit-g")
            .instances();
    data.setClass(data.attribute("class"));
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d cores; credit-g (%d rows), %s, 10 folds, seed 1%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        data.numInstances(),
        learner);
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      Map<String, Object> figures = CrossValidationTrainer.train(data, learner, 10, 1).metrics();
      long trained = System.nanoTime();
      boolean passed =
          FoldSpotCheck.disagreement(data, learner, 10, 1, CandidateMetrics.of(figures), round % 10)
              .isEmpty();
      long checked = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "round %d: the worker's training %.0f ms, the node's check of fold %d %.0f ms"
              + " (%.1f %% of the training), figures %s%n",
          round,
          (trained - start) / 1e6,
          round % 10 + 1,
          (checked - trained) / 1e6,
          100.0 * (checked - trained) / (trained - start),
          passed ? "passed" : "REFUSED");
    }
  }
}
