package ai.lepton.ml.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Says which attributes moved one prediction most: each attribute in turn is set to its training
 * mean (numeric) or mode (nominal) and the record scored again; the change in the probability of
 * the predicted class (or in the predicted number) is that attribute's effect. One extra model call
 * per attribute; the model is not retrained.
 */
public final class PerturbationExplainer {

  /** How many attributes an explanation names. */
  static final int TOP = 3;

  private PerturbationExplainer() {}

  /**
   * The training data's mean or mode of every attribute, in the header's order (the class's own
   * slot unused); the attributes the training data lacks stay missing.
   */
  public static double[] baseline(Instances header, Instances training) {
    double[] baseline = new double[header.numAttributes()];
    for (int i = 0; i < header.numAttributes(); i++) {
      Attribute attribute = header.attribute(i);
      Attribute trained = training.attribute(attribute.name());
      baseline[i] =
          trained == null || i == header.classIndex() || trained.isString()
              ? weka.core.Utils.missingValue()
              : training.meanOrMode(trained);
    }
    return baseline;
  }

  /**
   * @param predicted index of the predicted class, or -1 for a numeric target
   * @param important the attributes that drive the model overall (its validation's permutation
   *     importance)
   * @return up to {@link #TOP} entries, strongest first: attribute, its value, the baseline, the
   *     effect and whether the attribute is also one of those that drive the model overall ({@code
   *     globallyImportant})
   */
  public static List<Map<String, Object>> explain(
      Classifier model,
      Instance record,
      double[] distribution,
      int predicted,
      double[] baseline,
      java.util.Set<String> important)
      throws Exception {
    Instances header = record.dataset();
    double before = predicted < 0 ? distribution[0] : distribution[predicted];
    List<Map<String, Object>> effects = new ArrayList<>();
    double[] values = record.toDoubleArray();
    for (int i = 0; i < values.length; i++) {
      if (i == header.classIndex() || Double.isNaN(baseline[i]) || values[i] == baseline[i]) {
        continue;
      }
      double[] changed = values.clone();
      changed[i] = baseline[i];
      Instance variant = new DenseInstance(record.weight(), changed);
      variant.setDataset(header);
      double[] after = model.distributionForInstance(variant);
      double effect = before - (predicted < 0 ? after[0] : after[predicted]);
      if (effect != 0 && !Double.isNaN(effect)) {
        Attribute attribute = header.attribute(i);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("attribute", attribute.name());
        entry.put("value", shown(attribute, values[i]));
        entry.put("baseline", shown(attribute, baseline[i]));
        entry.put("effect", Math.round(effect * 10_000.0) / 10_000.0);
        entry.put("globallyImportant", important.contains(attribute.name()));
        effects.add(entry);
      }
    }
    effects.sort(
        Comparator.comparingDouble((Map<String, Object> e) -> -Math.abs((double) e.get("effect"))));
    return effects.size() > TOP ? List.copyOf(effects.subList(0, TOP)) : effects;
  }

  private static Object shown(Attribute attribute, double value) {
    if (Double.isNaN(value)) {
      return null;
    }
    if (attribute.isNominal() || attribute.isString()) {
      return attribute.value((int) Math.round(value));
    }
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}
