package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;

/**
 * What drives a model overall: permutation importance on the cross-validation's out-of-fold rows.
 * Each fold's own model (no retraining) scores the rows of its test fold again with one attribute's
 * values shuffled among them; how far the engagement's success metric falls, over all folds' rows,
 * is that attribute's importance, and repeating the shuffle gives its spread. An attribute the
 * model ignores costs nothing when shuffled; one it leans on costs much.
 *
 * <p>At most {@link #MAX_ROWS} rows in all are scored (the first rows of each test fold, which Weka
 * has already shuffled with the seed), so the cost stays bounded on large data: attributes ×
 * repeats × rows model calls.
 */
public final class PermutationImportance {

  /** Shuffles per attribute. */
  public static final int REPEATS = 5;

  /** Out-of-fold rows scored at most, over all folds. */
  public static final int MAX_ROWS = 2_000;

  /**
   * How many of the most important attributes count as "globally important" for the decisions'
   * explanations.
   */
  public static final int TOP = 5;

  private final Instances header;
  private final SuccessMetric metric;
  private final int rowsPerFold;
  private final int repeats;
  private final long seed;
  private final Random random;
  private final Evaluation unshuffled;
  private final Evaluation[][] shuffled;
  private int rows;

  /**
   * @param data the cross-validated data (its header and class)
   * @param metric the engagement's success metric, the one whose fall is measured
   */
  public PermutationImportance(
      Instances data, SuccessMetric metric, int folds, int repeats, long seed) throws Exception {
    this.header = new Instances(data, 0);
    this.metric = metric;
    this.rowsPerFold = Math.max(1, MAX_ROWS / folds);
    this.repeats = repeats;
    this.seed = seed;
    this.random = new Random(seed);
    boolean rankingMetric =
        metric == SuccessMetric.weightedAreaUnderROC
            || metric == SuccessMetric.weightedAreaUnderPRC;
    this.unshuffled = evaluation(data, rankingMetric);
    this.shuffled = new Evaluation[data.numAttributes()][repeats];
    for (int attribute = 0; attribute < data.numAttributes(); attribute++) {
      if (attribute == data.classIndex()) {
        continue;
      }
      for (int repeat = 0; repeat < repeats; repeat++) {
        shuffled[attribute][repeat] = evaluation(data, rankingMetric);
      }
    }
  }

  /**
   * Scores one fold's test rows with its model, unshuffled and with each attribute shuffled in
   * turn.
   */
  public void fold(Classifier model, Instances test) throws Exception {
    if (test.isEmpty()) {
      return;
    }
    Instances rowsOfFold = new Instances(test, 0, Math.min(rowsPerFold, test.numInstances()));
    rows += rowsOfFold.numInstances();
    unshuffled.evaluateModel(model, rowsOfFold);
    for (int attribute = 0; attribute < header.numAttributes(); attribute++) {
      if (attribute == header.classIndex()) {
        continue;
      }
      for (int repeat = 0; repeat < repeats; repeat++) {
        shuffled[attribute][repeat].evaluateModel(model, shuffledColumn(rowsOfFold, attribute));
      }
    }
  }

  private Instances shuffledColumn(Instances rowsOfFold, int attribute) {
    Instances copy = new Instances(rowsOfFold);
    int n = copy.numInstances();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    for (int i = 0; i < n; i++) {
      copy.instance(i).setValue(attribute, rowsOfFold.instance(order[i]).value(attribute));
    }
    return copy;
  }

  /**
   * Every attribute's importance, most important first, as the metrics carry it ({@code
   * importance}).
   */
  public Map<String, Object> result() throws Exception {
    double base = metric.valueIn(unshuffled);
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (int attribute = 0; attribute < header.numAttributes(); attribute++) {
      if (attribute == header.classIndex()) {
        continue;
      }
      double[] drops = new double[repeats];
      for (int repeat = 0; repeat < repeats; repeat++) {
        double after = metric.valueIn(shuffled[attribute][repeat]);
        drops[repeat] = metric.higherIsBetter() ? base - after : after - base;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("attribute", header.attribute(attribute).name());
      entry.put("drop", rounded(mean(drops)));
      entry.put("spread", rounded(standardDeviation(drops)));
      // a measure Weka cannot give on these rows (NaN) says nothing of the attribute
      attributes.add(entry);
    }
    attributes.sort(Comparator.comparingDouble((Map<String, Object> e) -> -finite(e.get("drop"))));
    for (int rank = 0; rank < attributes.size(); rank++) {
      Map<String, Object> entry = attributes.get(rank);
      double drop = finite(entry.get("drop"));
      entry.put("rank", rank + 1);
      // important overall: among the first few, and its fall larger than the shuffles' own noise
      entry.put("important", rank < TOP && drop > 0 && drop > finite(entry.get("spread")));
    }
    Map<String, Object> importance = new LinkedHashMap<>();
    importance.put("metric", metric.name());
    importance.put("higherIsBetter", metric.higherIsBetter());
    importance.put("unshuffled", rounded(base));
    importance.put("rows", rows);
    importance.put("repeats", repeats);
    importance.put("seed", seed);
    importance.put("attributes", attributes);
    return importance;
  }

  private static Evaluation evaluation(Instances data, boolean keepPredictions) throws Exception {
    Evaluation evaluation = new Evaluation(data);
    evaluation.setDiscardPredictions(!keepPredictions);
    return evaluation;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  private static double standardDeviation(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  /** Six decimals; null for NaN, which JSON cannot carry. */
  private static Double rounded(double value) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? null
        : Math.round(value * 1_000_000.0) / 1_000_000.0;
  }

  private static double finite(Object value) {
    return value instanceof Double number ? number : Double.NEGATIVE_INFINITY;
  }
}
