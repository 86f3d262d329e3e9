package ai.lepton.ml.training;

import ai.lepton.ml.dataset.IdentifierColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import weka.core.Attribute;
import weka.core.Instances;
import weka.filters.Filter;

/**
 * Makes a raw dataset trainable with Weka filters and records each step, so {@link #replay} repeats
 * the preparation exactly. Missing values are left in place on purpose: Weka's classifiers handle
 * them inside each fold, while imputing before cross-validation would leak the held-out folds into
 * the training folds.
 */
public final class DatasetPreparer {

  private DatasetPreparer() {}

  public record Prepared(Instances data, List<Map<String, Object>> recipe) {}

  public static Prepared prepare(Instances raw, String targetAttribute, ProblemType problemType) {
    return prepare(raw, targetAttribute, problemType, List.of());
  }

  /**
   * @param drop attributes to remove first, as the data-quality rules decided (names the data does
   *     not have are refused: the rules and the data disagree)
   */
  public static Prepared prepare(
      Instances raw, String targetAttribute, ProblemType problemType, List<String> drop) {
    return prepare(raw, targetAttribute, problemType, drop, java.util.Set.of());
  }

  /**
   * @param text the free-text attributes ({@link ai.lepton.ml.dataset.TextColumns}): kept as string
   *     attributes, so the learner turns them into word vectors inside each fold; every other
   *     string attribute becomes nominal
   */
  public static Prepared prepare(
      Instances raw,
      String targetAttribute,
      ProblemType problemType,
      List<String> drop,
      java.util.Set<String> text) {
    Instances data = new Instances(raw);
    Attribute target = requireTarget(data, targetAttribute);
    List<Map<String, Object>> recipe = new ArrayList<>();
    if (!drop.isEmpty()) {
      List<Integer> indices = new ArrayList<>();
      for (String name : drop) {
        Attribute attribute = data.attribute(name.strip());
        if (attribute == null) {
          throw new IllegalArgumentException(
              "The data-quality rules drop '" + name + "', which the dataset lacks");
        }
        if (attribute.index() == target.index()) {
          throw new IllegalArgumentException(
              "The target '" + targetAttribute + "' cannot be dropped");
        }
        indices.add(attribute.index());
      }
      data =
          apply(
              data,
              recipe,
              "weka.filters.unsupervised.attribute.Remove",
              "-R " + range(indices),
              "the data-quality rules dropped " + String.join(", ", drop));
    }

    List<Integer> nominalText = new ArrayList<>();
    for (int i = 0; i < data.numAttributes(); i++) {
      if (text.contains(data.attribute(i).name()) && data.attribute(i).isNominal()) {
        nominalText.add(i);
      }
    }
    if (!nominalText.isEmpty()) {
      data =
          apply(
              data,
              recipe,
              "weka.filters.unsupervised.attribute.NominalToString",
              "-C " + range(nominalText),
              "free text read as categories becomes text again, for word vectors");
    }
    List<Integer> strings = new ArrayList<>();
    for (int i = 0; i < data.numAttributes(); i++) {
      if (data.attribute(i).isString() && !text.contains(data.attribute(i).name())) {
        strings.add(i);
      }
    }
    if (!strings.isEmpty()) {
      // (free text stays text: the learner makes word vectors of it inside each fold)
      data =
          apply(
              data,
              recipe,
              "weka.filters.unsupervised.attribute.StringToNominal",
              "-R " + range(strings),
              "short string attributes become nominal so every classifier can use them");
    }
    target = data.attribute(targetAttribute);
    if (problemType == ProblemType.CLASSIFICATION && target.isNumeric()) {
      data =
          apply(
              data,
              recipe,
              "weka.filters.unsupervised.attribute.NumericToNominal",
              "-R " + (target.index() + 1),
              "the numeric target becomes a class label for classification");
    }
    target = data.attribute(targetAttribute);
    if (problemType != ProblemType.CLASSIFICATION && !target.isNumeric()) {
      throw new IllegalArgumentException(
          String.format(
              "Target '%s' is %s but %s needs a numeric target",
              targetAttribute, Attribute.typeToString(target), problemType.wireName()));
    }

    List<Integer> uninformative = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < data.numAttributes(); i++) {
      if (i == target.index()) {
        continue;
      }
      Attribute attribute = data.attribute(i);
      if (attribute.isString()) {
        continue; // free text: its words are the features
      }
      int distinct = data.attributeStats(i).distinctCount;
      if (distinct <= 1) {
        uninformative.add(i);
        reasons.add(attribute.name() + " is constant");
      } else {
        Optional<String> identifier = IdentifierColumns.reason(data, i);
        if (identifier.isPresent()) {
          uninformative.add(i);
          reasons.add(attribute.name() + ": " + identifier.get());
        }
      }
    }
    if (!uninformative.isEmpty()) {
      data =
          apply(
              data,
              recipe,
              "weka.filters.unsupervised.attribute.Remove",
              "-R " + range(uninformative),
              String.join("; ", reasons));
    }

    data.setClass(data.attribute(targetAttribute));
    if (problemType == ProblemType.FORECASTING) {
      return new Prepared(
          data, recipe); // a period without a value is still a period: the series keeps its rows
    }
    int before = data.numInstances();
    data.deleteWithMissingClass();
    if (data.numInstances() < before) {
      recipe.add(
          step(
              "operation",
              "deleteWithMissingClass",
              null,
              (before - data.numInstances()) + " rows without a target value removed"));
    }
    if (data.numInstances() == 0) {
      throw new IllegalArgumentException(
          "No row has a value for the target '" + targetAttribute + "'");
    }
    return new Prepared(data, recipe);
  }

  /** Repeats a recorded preparation on the raw data it was made from. */
  public static Instances replay(
      Instances raw, String targetAttribute, List<Map<String, Object>> recipe) throws Exception {
    Instances data = new Instances(raw);
    for (Map<String, Object> step : recipe) {
      if (step.containsKey("filter")) {
        data = runFilter(data, (String) step.get("filter"), (String) step.get("options"));
      } else if ("deleteWithMissingClass".equals(step.get("operation"))) {
        data.setClass(data.attribute(targetAttribute));
        data.deleteWithMissingClass();
      }
    }
    data.setClass(data.attribute(targetAttribute));
    return data;
  }

  private static Attribute requireTarget(Instances data, String targetAttribute) {
    Attribute target = data.attribute(targetAttribute);
    if (target == null) {
      throw new IllegalArgumentException(
          String.format("The dataset has no attribute '%s' (the target)", targetAttribute));
    }
    return target;
  }

  private static Instances apply(
      Instances data,
      List<Map<String, Object>> recipe,
      String filter,
      String options,
      String reason) {
    try {
      Instances result = runFilter(data, filter, options);
      recipe.add(step("filter", filter, options, reason));
      return result;
    } catch (Exception e) {
      throw new IllegalStateException(filter + " " + options + " failed: " + e.getMessage(), e);
    }
  }

  private static Instances runFilter(Instances data, String className, String options)
      throws Exception {
    Filter filter = WekaObjects.create(Filter.class, className, options);
    filter.setInputFormat(data);
    return Filter.useFilter(data, filter);
  }

  private static Map<String, Object> step(String kind, String name, String options, String reason) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put(kind, name);
    if (options != null) {
      step.put("options", options);
    }
    step.put("reason", reason);
    return step;
  }

  private static String range(List<Integer> zeroBased) {
    return String.join(",", zeroBased.stream().map(i -> String.valueOf(i + 1)).toList());
  }
}
