package ai.lepton.ml.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.AttributeStats;
import weka.core.Instances;

/**
 * Describes a dataset for the data-quality gate: rows, and per attribute its type, missing share, distinct values
 * and summary statistics; for the target attribute, the class balance (nominal) or its range (numeric).
 */
public final class DatasetProfiler {

  private DatasetProfiler() {}

  public static Map<String, Object> profile(Instances data, String targetAttribute) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("rows", data.numInstances());
    profile.put("attributeCount", data.numAttributes());
    profile.put("targetAttribute", targetAttribute);
    List<Map<String, Object>> attributes = new ArrayList<>();
    int rowsWithMissing = 0;
    for (int r = 0; r < data.numInstances(); r++) {
      if (data.instance(r).hasMissingValue()) {
        rowsWithMissing++;
      }
    }
    for (int i = 0; i < data.numAttributes(); i++) {
      attributes.add(describe(data, data.attribute(i)));
    }
    profile.put("rowsWithMissingValues", rowsWithMissing);
    profile.put("attributes", attributes);
    Attribute target = targetAttribute == null ? null : data.attribute(targetAttribute);
    if (target != null && target.isNominal()) {
      profile.put("classBalance", counts(data, target));
    }
    return profile;
  }

  private static Map<String, Object> describe(Instances data, Attribute attribute) {
    AttributeStats stats = data.attributeStats(attribute.index());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", attribute.name());
    entry.put("type", Attribute.typeToString(attribute));
    entry.put("missing", stats.missingCount);
    entry.put("missingPct", round(100.0 * stats.missingCount / Math.max(1, stats.totalCount)));
    entry.put("distinct", stats.distinctCount);
    if (attribute.isNumeric() && stats.numericStats != null) {
      entry.put("min", stats.numericStats.min);
      entry.put("max", stats.numericStats.max);
      entry.put("mean", round(stats.numericStats.mean));
      entry.put("stdDev", round(stats.numericStats.stdDev));
    } else if (attribute.isNominal()) {
      entry.put("values", counts(data, attribute));
    }
    return entry;
  }

  private static Map<String, Integer> counts(Instances data, Attribute attribute) {
    int[] nominalCounts = data.attributeStats(attribute.index()).nominalCounts;
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int v = 0; v < attribute.numValues(); v++) {
      counts.put(attribute.value(v), nominalCounts[v]);
    }
    return counts;
  }

  private static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 10_000.0) / 10_000.0;
  }
}
