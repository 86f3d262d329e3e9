package ai.lepton.ml.dataset;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * How strongly one attribute alone tells the target, measured on the whole dataset: the signal the
 * data-quality rules read to spot leakage (a column filled in after the outcome was known). Rows
 * without a target value are left out; a missing attribute value counts as one more value of its
 * own.
 */
final class TargetAssociation {

  private TargetAssociation() {}

  /** The share of labelled rows that guessing the commonest class gets right. */
  static double majorityShare(Instances data, Attribute target) {
    int[] counts = new int[target.numValues()];
    int labelled = 0;
    for (int r = 0; r < data.numInstances(); r++) {
      double label = data.instance(r).value(target);
      if (!Double.isNaN(label)) {
        counts[(int) label]++;
        labelled++;
      }
    }
    return labelled == 0 ? Double.NaN : (double) Arrays.stream(counts).max().orElse(0) / labelled;
  }

  /**
   * The share of labelled rows the attribute alone classifies correctly: a nominal or string
   * attribute by the majority class of each value; a numeric one by the best single threshold (a
   * decision stump), each side taking its majority class.
   */
  static double purity(Instances data, Attribute attribute, Attribute target) {
    int classes = target.numValues();
    int rows = data.numInstances();
    double[] values = new double[rows];
    int[] labels = new int[rows];
    int labelled = 0;
    int[] missingCounts = new int[classes];
    for (int r = 0; r < rows; r++) {
      double label = data.instance(r).value(target);
      if (Double.isNaN(label)) {
        continue;
      }
      double value = data.instance(r).value(attribute);
      if (Double.isNaN(value)) {
        missingCounts[(int) label]++;
      } else {
        values[labelled] = value;
        labels[labelled] = (int) label;
      }
      labelled++;
    }
    int missing = Arrays.stream(missingCounts).sum();
    int present = labelled - missing;
    if (labelled == 0) {
      return Double.NaN;
    }
    int correct = max(missingCounts);
    correct +=
        attribute.isNumeric()
            ? bestThreshold(values, labels, present, classes)
            : byValue(values, labels, present, classes);
    return (double) correct / labelled;
  }

  /**
   * Pearson correlation of a numeric attribute with a numeric target over the rows that have both.
   */
  static double correlation(Instances data, Attribute attribute, Attribute target) {
    double n = 0;
    double sumX = 0;
    double sumY = 0;
    double sumXx = 0;
    double sumYy = 0;
    double sumXy = 0;
    for (int r = 0; r < data.numInstances(); r++) {
      double x = data.instance(r).value(attribute);
      double y = data.instance(r).value(target);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        continue;
      }
      n++;
      sumX += x;
      sumY += y;
      sumXx += x * x;
      sumYy += y * y;
      sumXy += x * y;
    }
    double covariance = sumXy - sumX * sumY / n;
    double spread = Math.sqrt((sumXx - sumX * sumX / n) * (sumYy - sumY * sumY / n));
    return n < 2 || spread == 0 ? Double.NaN : covariance / spread;
  }

  private static int byValue(double[] values, int[] labels, int present, int classes) {
    Map<Double, int[]> counts = new HashMap<>();
    for (int i = 0; i < present; i++) {
      counts.computeIfAbsent(values[i], v -> new int[classes])[labels[i]]++;
    }
    return counts.values().stream().mapToInt(TargetAssociation::max).sum();
  }

  private static int bestThreshold(double[] values, int[] labels, int present, int classes) {
    Integer[] order = new Integer[present];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    int[] left = new int[classes];
    int[] right = new int[classes];
    for (int i = 0; i < present; i++) {
      right[labels[i]]++;
    }
    int best = max(right);
    for (int k = 0; k < present - 1; k++) {
      int row = order[k];
      left[labels[row]]++;
      right[labels[row]]--;
      if (values[order[k + 1]] != values[row]) {
        best = Math.max(best, max(left) + max(right));
      }
    }
    return best;
  }

  private static int max(int[] counts) {
    int max = 0;
    for (int count : counts) {
      max = Math.max(max, count);
    }
    return max;
  }
}
