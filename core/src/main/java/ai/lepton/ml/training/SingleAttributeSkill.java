package ai.lepton.ml.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.rules.OneR;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.REPTree;
import weka.core.Attribute;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * What each attribute achieves on its own, cross-validated with Weka (the engagement's folds and
 * seed), beside what all attributes achieve together: a leak is an attribute that alone does nearly
 * everything the whole data does. Skill is measured from the baseline up, so guessing scores 0 and
 * a perfect model 1: Cohen's kappa for a nominal target (the majority-class guess has kappa 0), 1 −
 * relative absolute error for a numeric one (the mean has 1 − 100 % = 0). One attribute is learned
 * by Weka's {@code OneR} (nominal target) or {@code REPTree} (numeric); all together by {@code J48}
 * or {@code REPTree}. Large data is measured on a random sample of {@code maxRows} rows.
 *
 * @param measure what skill means here
 * @param reference the learner on all attributes, and its skill
 * @param alone attribute name → its skill alone
 * @param rows the rows measured (a sample when the data was larger)
 */
public record SingleAttributeSkill(
    String measure, String reference, double referenceSkill, Map<String, Double> alone, int rows) {

  /**
   * Skill alone as a share of the reference's (NaN when the reference does no better than the
   * baseline).
   */
  public double share(String attribute) {
    Double skill = alone.get(attribute);
    return skill == null || !(referenceSkill > 0) ? Double.NaN : skill / referenceSkill;
  }

  public static SingleAttributeSkill measure(
      Instances raw, String target, int folds, int seed, int maxRows) {
    try {
      Instances data = new Instances(raw);
      for (int i = data.numAttributes() - 1; i >= 0; i--) {
        if (data.attribute(i).isString() || data.attribute(i).isRelationValued()) {
          data.deleteAttributeAt(i); // no learner here reads text; text is vectorised elsewhere
        }
      }
      data.setClass(data.attribute(target));
      data.deleteWithMissingClass();
      if (data.numInstances() > maxRows) {
        data.randomize(new Random(seed));
        data = new Instances(data, 0, maxRows);
      }
      boolean nominal = data.classAttribute().isNominal();
      int usedFolds = Math.max(2, Math.min(folds, data.numInstances()));
      double reference = skill(nominal ? new J48() : new REPTree(), data, usedFolds, seed);
      Map<String, Double> alone = new LinkedHashMap<>();
      for (int i = 0; i < data.numAttributes(); i++) {
        if (i == data.classIndex()) {
          continue;
        }
        Attribute attribute = data.attribute(i);
        Remove keep = new Remove();
        keep.setAttributeIndicesArray(new int[] {i, data.classIndex()});
        keep.setInvertSelection(true);
        keep.setInputFormat(data);
        Instances one = Filter.useFilter(data, keep);
        one.setClassIndex(one.numAttributes() - 1);
        alone.put(
            attribute.name(),
            round(skill(nominal ? new OneR() : new REPTree(), one, usedFolds, seed)));
      }
      return new SingleAttributeSkill(
          nominal ? "kappa" : "1 - relative absolute error",
          nominal ? "weka.classifiers.trees.J48" : "weka.classifiers.trees.REPTree",
          round(reference),
          alone,
          data.numInstances());
    } catch (Exception e) {
      throw new IllegalStateException(
          "Single-attribute skill could not be measured: " + e.getMessage(), e);
    }
  }

  private static double skill(Classifier learner, Instances data, int folds, int seed)
      throws Exception {
    Evaluation evaluation = new Evaluation(data);
    evaluation.crossValidateModel(learner, data, folds, new Random(seed));
    double skill =
        data.classAttribute().isNominal()
            ? evaluation.kappa()
            : 1 - evaluation.relativeAbsoluteError() / 100;
    return Double.isNaN(skill) ? 0 : skill;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
