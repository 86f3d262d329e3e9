package ai.lepton.ml.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * Compares recent inputs with the training data, attribute by attribute: the population stability
 * index (PSI) — numeric attributes binned at the training data's deciles, nominal attributes by
 * label, missing values a bin of their own — and for numeric attributes the two-sample
 * Kolmogorov–Smirnov test (Commons Math). Conventional PSI bands: below 0.1 stable, 0.1–0.25
 * moderate, above 0.25 significant (the bands are the caller's to choose: PSI grows with sample
 * size). Free text is compared on its vocabulary ({@link TextDrift}).
 */
public final class DriftCalculator {

  /** Bins of a numeric attribute: the training data's deciles. */
  static final int BINS = 10;

  /** Share given to an empty bin so that PSI stays finite (a common convention). */
  static final double EMPTY_BIN = 1e-4;

  /**
   * Commons Math computes exact p-values below this product of the sample sizes, asymptotic ones
   * above.
   */
  static final long LARGE_SAMPLE_PRODUCT = 10_000;

  private DriftCalculator() {}

  /**
   * One attribute's drift: PSI, for numbers the KS statistic and p-value, for free text the share
   * of recent words the training texts never had beside that share within the training texts
   * themselves (half against half).
   */
  public record AttributeDrift(
      String attribute,
      String type,
      double psi,
      Double ksStatistic,
      Double ksPValue,
      int trainingRows,
      int recentRows,
      Double unseenWordShare,
      Double trainingUnseenWordShare) {

    AttributeDrift(
        String attribute,
        String type,
        double psi,
        Double ksStatistic,
        Double ksPValue,
        int trainingRows,
        int recentRows) {
      this(attribute, type, psi, ksStatistic, ksPValue, trainingRows, recentRows, null, null);
    }

    public Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("attribute", attribute);
      map.put("type", type);
      map.put("psi", psi);
      map.put("ksStatistic", ksStatistic);
      map.put("ksPValue", ksPValue);
      map.put("trainingRows", trainingRows);
      map.put("recentRows", recentRows);
      if (unseenWordShare != null) {
        map.put("unseenWordShare", unseenWordShare);
        map.put("trainingUnseenWordShare", trainingUnseenWordShare);
      }
      return map;
    }
  }

  /**
   * @param training the data the model was trained on
   * @param recent recent inputs with (some of) the same attributes; attributes it lacks are skipped
   * @param skip attributes not to compare (the target)
   */
  public static List<AttributeDrift> compare(
      Instances training, Instances recent, List<String> skip) {
    return compare(training, RecentInputs.of(training, recent, skip));
  }

  /**
   * Each attribute of the recent inputs that came at all, against the same attribute of the
   * training data.
   */
  public static List<AttributeDrift> compare(Instances training, RecentInputs recent) {
    List<AttributeDrift> drift = new ArrayList<>();
    for (Attribute attribute : recent.attributes()) {
      if (recent.size(attribute.name()) == 0) {
        continue;
      }
      if (attribute.isString()) {
        drift.add(
            TextDrift.compare(
                attribute.name(), labels(training, attribute), recent.labels(attribute.name())));
      } else if (attribute.isNumeric()) {
        drift.add(
            numeric(
                attribute.name(), column(training, attribute), recent.numbers(attribute.name())));
      } else {
        drift.add(
            nominal(
                attribute.name(), labels(training, attribute), recent.labels(attribute.name())));
      }
    }
    return drift;
  }

  static AttributeDrift numeric(String name, double[] training, double[] recent) {
    double[] present = Arrays.stream(training).filter(v -> !Double.isNaN(v)).sorted().toArray();
    double[] cuts = new double[BINS - 1];
    for (int b = 1; b < BINS; b++) {
      cuts[b - 1] =
          present.length == 0
              ? 0
              : present[Math.min(present.length - 1, b * present.length / BINS)];
    }
    double[] cutsDistinct = Arrays.stream(cuts).distinct().toArray();
    double psi = psi(numericCounts(training, cutsDistinct), numericCounts(recent, cutsDistinct));
    double[] recentPresent = Arrays.stream(recent).filter(v -> !Double.isNaN(v)).toArray();
    Double statistic = null;
    Double pValue = null;
    if (present.length > 1 && recentPresent.length > 1) {
      KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
      statistic = test.kolmogorovSmirnovStatistic(present, recentPresent);
      // Large samples: Commons Math's own asymptotic p-value, from the statistic at hand (not
      // sorting twice)
      pValue =
          (long) present.length * recentPresent.length < LARGE_SAMPLE_PRODUCT
              ? test.kolmogorovSmirnovTest(present, recentPresent)
              : test.approximateP(statistic, present.length, recentPresent.length);
    }
    return new AttributeDrift(
        name, "numeric", psi, statistic, pValue, training.length, recent.length);
  }

  static AttributeDrift nominal(String name, String[] training, String[] recent) {
    Map<String, Integer> categories = new LinkedHashMap<>();
    for (String[] side : List.of(training, recent)) {
      for (String label : side) {
        categories.putIfAbsent(label == null ? "(missing)" : label, categories.size());
      }
    }
    return new AttributeDrift(
        name,
        "nominal",
        psi(labelCounts(training, categories), labelCounts(recent, categories)),
        null,
        null,
        training.length,
        recent.length);
  }

  /** PSI = Σ (recent share − training share) × ln(recent share / training share). */
  static double psi(double[] trainingCounts, double[] recentCounts) {
    double trainingTotal = Arrays.stream(trainingCounts).sum();
    double recentTotal = Arrays.stream(recentCounts).sum();
    if (trainingTotal == 0 || recentTotal == 0) {
      return Double.NaN;
    }
    double psi = 0;
    for (int b = 0; b < trainingCounts.length; b++) {
      double expected = Math.max(trainingCounts[b] / trainingTotal, EMPTY_BIN);
      double actual = Math.max(recentCounts[b] / recentTotal, EMPTY_BIN);
      psi += (actual - expected) * Math.log(actual / expected);
    }
    return psi;
  }

  /**
   * Counts per bin: below the first cut, between cuts, at or above the last, and missing values
   * last.
   */
  private static double[] numericCounts(double[] values, double[] cuts) {
    double[] counts = new double[cuts.length + 2];
    for (double value : values) {
      if (Double.isNaN(value)) {
        counts[cuts.length + 1]++;
        continue;
      }
      int bin = Arrays.binarySearch(cuts, value);
      counts[bin >= 0 ? bin + 1 : -bin - 1]++;
    }
    return counts;
  }

  private static double[] labelCounts(String[] values, Map<String, Integer> categories) {
    double[] counts = new double[categories.size()];
    for (String value : values) {
      counts[categories.get(value == null ? "(missing)" : value)]++;
    }
    return counts;
  }

  private static double[] column(Instances data, Attribute attribute) {
    double[] values = new double[data.numInstances()];
    for (int r = 0; r < values.length; r++) {
      values[r] = data.instance(r).value(attribute);
    }
    return values;
  }

  private static String[] labels(Instances data, Attribute attribute) {
    String[] values = new String[data.numInstances()];
    for (int r = 0; r < values.length; r++) {
      values[r] =
          data.instance(r).isMissing(attribute) ? null : data.instance(r).stringValue(attribute);
    }
    return values;
  }
}
