package ai.lepton.ml.dataset;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import weka.core.Attribute;
import weka.core.Instances;
import weka.experiment.Stats;

/**
 * Describes a dataset for the data-quality gate: rows, and per attribute its type, missing share, distinct values
 * and summary statistics (Weka's {@link Stats}: the figures the Explorer shows); for a nominal target, the class
 * balance. Attributes are described in parallel, each in one pass over its column.
 */
public final class DatasetProfiler {

  private DatasetProfiler() {}

  public static Map<String, Object> profile(Instances data, String targetAttribute) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("rows", data.numInstances());
    profile.put("attributeCount", data.numAttributes());
    profile.put("targetAttribute", targetAttribute);
    List<Map<String, Object>> attributes = IntStream.range(0, data.numAttributes()).parallel()
        .mapToObj(i -> describe(data, data.attribute(i))).toList();
    long rowsWithMissing = data.stream().parallel().filter(row -> row.hasMissingValue()).count();
    profile.put("rowsWithMissingValues", (int) rowsWithMissing);
    profile.put("attributes", attributes);
    Attribute target = targetAttribute == null ? null : data.attribute(targetAttribute);
    if (target != null && target.isNominal()) {
      profile.put("classBalance", attributes.get(target.index()).get("values"));
    }
    return profile;
  }

  private static Map<String, Object> describe(Instances data, Attribute attribute) {
    int index = attribute.index();
    int rows = data.numInstances();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", attribute.name());
    entry.put("type", Attribute.typeToString(attribute));
    int missing = 0;
    if (attribute.isNumeric()) {
      double[] present = new double[rows];
      Stats stats = new Stats();
      for (int r = 0; r < rows; r++) {
        double value = data.instance(r).value(index);
        if (Double.isNaN(value)) {
          missing++;
        } else {
          present[r - missing] = value;
          stats.add(value);
        }
      }
      stats.calculateDerived();
      entry.put("missing", missing);
      entry.put("missingPct", round(100.0 * missing / Math.max(1, rows)));
      entry.put("distinct", distinct(present, rows - missing));
      if (stats.count > 0) {
        entry.put("min", stats.min);
        entry.put("max", stats.max);
        entry.put("mean", round(stats.mean));
        entry.put("stdDev", round(stats.stdDev));
      }
      return entry;
    }
    int[] counts = new int[Math.max(attribute.numValues(), 0)];
    int distinctStrings = 0;
    for (int r = 0; r < rows; r++) {
      double value = data.instance(r).value(index);
      if (Double.isNaN(value)) {
        missing++;
      } else if (attribute.isNominal()) {
        counts[(int) value]++;
      }
    }
    entry.put("missing", missing);
    entry.put("missingPct", round(100.0 * missing / Math.max(1, rows)));
    if (attribute.isNominal()) {
      Map<String, Integer> values = new LinkedHashMap<>();
      for (int v = 0; v < counts.length; v++) {
        values.put(attribute.value(v), counts[v]);
        distinctStrings += counts[v] > 0 ? 1 : 0;
      }
      entry.put("distinct", distinctStrings);
      entry.put("values", values);
    } else {
      entry.put("distinct", attribute.numValues());
    }
    return entry;
  }

  private static int distinct(double[] values, int count) {
    Arrays.sort(values, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        distinct++;
      }
    }
    return distinct;
  }

  private static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 10_000.0) / 10_000.0;
  }
}
