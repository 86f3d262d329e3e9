package ai.lepton.ml.dataset;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import weka.core.Attribute;
import weka.core.Instances;
import weka.experiment.Stats;

/**
 * Describes a dataset for the data-quality gate: rows, and per attribute its type, missing share,
 * distinct values and summary statistics (Weka's {@link Stats}: the figures the Explorer shows);
 * for a nominal target, the class balance. Attributes are described in parallel, each in one pass
 * over its column.
 *
 * <p>For the leakage check each attribute is also measured against the target: for a nominal target
 * its {@code targetPurity}, the share of rows that the attribute alone classifies correctly (a
 * nominal attribute by the majority class of each of its values, a numeric one by the best single
 * threshold), beside the target's {@code majorityShare}, what guessing the commonest class
 * achieves; for a numeric target the Pearson {@code targetCorrelation} of each numeric attribute.
 */
public final class DatasetProfiler {

  private DatasetProfiler() {}

  public static Map<String, Object> profile(Instances data, String targetAttribute) {
    return profile(data, targetAttribute, List.of());
  }

  /**
   * @param namedText the attributes the requirements name as free text ({@link TextColumns});
   *     others that read as text are found too. A text attribute is described by its words ({@code
   *     text}, {@code meanWords}), not by its values, and is neither an identifier nor measured
   *     against the target.
   */
  public static Map<String, Object> profile(
      Instances data, String targetAttribute, List<String> namedText) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("rows", data.numInstances());
    profile.put("attributeCount", data.numAttributes());
    profile.put("targetAttribute", targetAttribute);
    Attribute target = targetAttribute == null ? null : data.attribute(targetAttribute);
    java.util.Set<String> text = TextColumns.of(data, namedText, targetAttribute);
    List<Map<String, Object>> attributes =
        IntStream.range(0, data.numAttributes())
            .parallel()
            .mapToObj(
                i ->
                    text.contains(data.attribute(i).name())
                        ? describeText(data, data.attribute(i), namedText)
                        : describe(data, data.attribute(i), target))
            .toList();
    long rowsWithMissing = data.stream().parallel().filter(row -> row.hasMissingValue()).count();
    profile.put("rowsWithMissingValues", (int) rowsWithMissing);
    profile.put("attributes", attributes);
    if (target != null && target.isNominal()) {
      profile.put("classBalance", attributes.get(target.index()).get("values"));
      profile.put("majorityShare", round(TargetAssociation.majorityShare(data, target)));
    }
    if (target != null) {
      duplicates(data, target, attributes, profile);
    }
    return profile;
  }

  /**
   * Rows that repeat an earlier row ({@code duplicateRows}: same attributes and same target) and
   * rows whose attributes repeat an earlier row's with another target ({@code
   * conflictingDuplicates}). Columns where every row has its own value (identifiers) are left out
   * of the comparison, as training leaves them out; rows without a target too.
   */
  private static void duplicates(
      Instances data,
      Attribute target,
      List<Map<String, Object>> attributes,
      Map<String, Object> profile) {
    int rows = data.numInstances();
    List<Integer> compared =
        IntStream.range(0, data.numAttributes())
            .filter(
                i ->
                    i != target.index()
                        && !Boolean.TRUE.equals(attributes.get(i).get("identifierLike")))
            .boxed()
            .toList();
    Map<String, Double> firstTarget = new java.util.HashMap<>();
    int duplicateRows = 0;
    int conflicting = 0;
    for (int r = 0; r < rows; r++) {
      double outcome = data.instance(r).value(target.index());
      if (Double.isNaN(outcome)) {
        continue;
      }
      StringBuilder key = new StringBuilder();
      for (int i : compared) {
        key.append(data.instance(r).value(i)).append('|');
      }
      Double earlier = firstTarget.putIfAbsent(key.toString(), outcome);
      if (earlier != null) {
        if (earlier.doubleValue() == outcome) {
          duplicateRows++;
        } else {
          conflicting++;
        }
      }
    }
    profile.put("duplicateRows", duplicateRows);
    profile.put("conflictingDuplicates", conflicting);
  }

  /**
   * A free-text attribute: its missing values, distinct values and words, not a table of its
   * values.
   */
  private static Map<String, Object> describeText(
      Instances data, Attribute attribute, List<String> namedText) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", attribute.name());
    entry.put("type", Attribute.typeToString(attribute));
    TextColumns.Summary summary = TextColumns.summarise(data, attribute.index());
    int rows = data.numInstances();
    int missing = rows - summary.present();
    entry.put("missing", missing);
    entry.put("missingPct", round(100.0 * missing / Math.max(1, rows)));
    entry.put("distinct", summary.distinct());
    entry.put("text", true);
    entry.put("meanWords", round(summary.meanWords()));
    entry.put(
        "textReason",
        namedText.stream().map(String::strip).anyMatch(attribute.name()::equals)
            ? "named as text in the requirements"
            : TextColumns.reason(data, attribute.index()).orElse("free text"));
    entry.put("identifierLike", false);
    return entry;
  }

  private static Map<String, Object> describe(
      Instances data, Attribute attribute, Attribute target) {
    Map<String, Object> entry = describe(data, attribute);
    if (target == null || attribute.index() != target.index()) {
      Optional<String> identifier = IdentifierColumns.reason(data, attribute.index());
      entry.put("identifierLike", identifier.isPresent());
      identifier.ifPresent(reason -> entry.put("identifierReason", reason));
    }
    if (target != null && attribute.index() != target.index()) {
      if (target.isNominal() && !attribute.isDate() && !attribute.isRelationValued()) {
        entry.put("targetPurity", round(TargetAssociation.purity(data, attribute, target)));
        if (attribute.isNominal() && attribute.numValues() == target.numValues()) {
          entry.put(
              "levelsLikeTarget",
              true); // as many values as the target: it may be the target re-coded
        }
      } else if (target.isNumeric() && attribute.isNumeric()) {
        entry.put(
            "targetCorrelation", round(TargetAssociation.correlation(data, attribute, target)));
      }
    }
    return entry;
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
      entry.put("integerValued", integerValued(present, rows - missing));
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

  private static boolean integerValued(double[] values, int count) {
    for (int i = 0; i < count; i++) {
      if (values[i] != Math.rint(values[i])) {
        return false;
      }
    }
    return count > 0;
  }

  private static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 10_000.0) / 10_000.0;
  }
}
