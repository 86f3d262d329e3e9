package ai.lepton.ml.scoring;

import ai.lepton.ml.dataset.MissingValue;
import ai.lepton.ml.dataset.RowValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Scores one business record (attribute name → value) with the model deployed under a name. A
 * missing feature is scored as Weka's missing value and named in the answer; a wrong type or an
 * unknown label is refused.
 */
@Component
public class RecordScorer {

  private final DeployedModels models;
  private final double minKnownShare;

  public RecordScorer(DeployedModels models) {
    this(models, 0.5);
  }

  /**
   * @param minKnownShare the share of the model's input attributes a record must give
   *     (RecordContract)
   */
  @Autowired
  public RecordScorer(
      DeployedModels models,
      @Value("${lepton.decisions.min-known-share:0.5}") double minKnownShare) {
    this.models = models;
    this.minKnownShare = minKnownShare;
  }

  /**
   * Refuses a rule set the live model was not approved for: its engagement's requirements name the
   * rule sets its decisions may use.
   */
  public void requireRuleSet(String modelName, String ruleSet) {
    DeployedModels.Loaded model = models.get(modelName);
    if (!model.ruleSets().contains(ruleSet)) {
      throw new ScoringException(
          ScoringException.RULE_SET_NOT_APPROVED,
          String.format(
              "Model '%s' (version %s) may decide with %s, the rule sets named with its requirements and approved with"
                  + " it; not with '%s'",
              modelName,
              model.versionId(),
              model.ruleSets().isEmpty() ? "no rule set" : model.ruleSets(),
              ruleSet));
    }
  }

  /** The rule sets the live version of a model was approved to decide with. */
  public List<String> ruleSets(String modelName) {
    return List.copyOf(models.get(modelName).ruleSets());
  }

  /**
   * A record read as text (a CSV row): the model's numeric attributes as numbers where the text is
   * one (left as text otherwise, so scoring names the cell), missing cells (empty, {@code ?},
   * {@code NA}, as in a dataset) absent.
   */
  public Map<String, Object> fromText(String modelName, Map<String, String> cells) {
    Instances header = models.get(modelName).header();
    Map<String, Object> record = new LinkedHashMap<>();
    cells.forEach(
        (name, text) -> {
          if (text == null || MissingValue.is(text.trim())) {
            return;
          }
          Attribute attribute = header.attribute(name);
          if (attribute != null && attribute.isNumeric()) {
            try {
              record.put(name, Double.parseDouble(text.trim()));
              return;
            } catch (NumberFormatException notANumber) {
              // scoring names it
            }
          }
          record.put(name, text);
        });
    return record;
  }

  public Score score(String modelName, Map<String, Object> features) {
    return score(modelName, features, true);
  }

  /**
   * The record scored by the challenger on trial under the model name, if one is (no explanation);
   * empty when none is, or when the record does not suit it. Never the live answer.
   */
  public java.util.Optional<Score> scoreInShadow(String modelName, Map<String, Object> features) {
    try {
      java.util.Optional<DeployedModels.Loaded> challenger = models.challenger(modelName);
      if (challenger.isEmpty()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(score(challenger.get(), features, false));
    } catch (RuntimeException unsuitable) {
      // a challenger never costs the live decision its answer: a record it cannot score is not
      // shadowed
      return java.util.Optional.empty();
    }
  }

  /**
   * The record scored by a model version already read ({@link DeployedModels#read}), without
   * explanation.
   */
  public Score score(DeployedModels.Loaded version, Map<String, Object> features) {
    return score(version, features, false);
  }

  /**
   * @param explain whether to add the explanation (one more model call per attribute)
   */
  public Score score(String modelName, Map<String, Object> features, boolean explain) {
    return score(models.get(modelName), features, explain);
  }

  private Score score(DeployedModels.Loaded model, Map<String, Object> features, boolean explain) {
    Instances header = model.header();
    RecordContract.check(header, features, minKnownShare, model.setAside());
    List<String> missing = new ArrayList<>();
    Instance instance = toInstance(header, features, missing);
    boolean text = TextRecords.hasText(header);
    try {
      double[] distribution;
      List<Map<String, Object>> explanation;
      Attribute target = header.classAttribute();
      int predicted;
      // a model on free text turns each text into word vectors with one filter, which serves one
      // record at a time
      synchronized (text ? model.classifier() : instance) {
        distribution = model.classifier().distributionForInstance(instance);
        predicted = target.isNumeric() ? -1 : Utils.maxIndex(distribution);
        explanation =
            !explain
                ? List.of()
                : text
                    ? TextRecords.explain(model.classifier(), instance, distribution, predicted)
                    : model.baseline() == null
                        ? List.of()
                        : PerturbationExplainer.explain(
                            model.classifier(),
                            instance,
                            distribution,
                            predicted,
                            model.baseline(),
                            model.important());
      }
      if (target.isNumeric()) {
        return new Score(
            model.versionId(),
            String.valueOf(distribution[0]),
            Double.NaN,
            Map.of(),
            missing,
            explanation);
      }
      Map<String, Double> byLabel = new LinkedHashMap<>();
      for (int c = 0; c < distribution.length; c++) {
        byLabel.put(target.value(c), distribution[c]);
      }
      return new Score(
          model.versionId(),
          target.value(predicted),
          distribution[predicted],
          byLabel,
          missing,
          explanation);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Model version " + model.versionId() + " failed to score: " + e.getMessage(), e);
    }
  }

  /**
   * One record as a row of the model's header: an absent feature is Weka's missing value (named in
   * {@code missing}), a wrong type or an unknown label a {@link ScoringException}
   * (INVALID_FEATURES).
   */
  public static Instance toInstance(
      Instances model, Map<String, Object> features, List<String> missing) {
    Instances header = TextRecords.headerFor(model);
    return RowValues.toRow(header, features, header.classIndex(), missing, RecordScorer::refuse);
  }

  private static double refuse(Attribute attribute, Object value, RowValues.Unreadable why) {
    if (why == RowValues.Unreadable.NOT_A_NUMBER) {
      throw new ScoringException(
          ScoringException.INVALID_FEATURES,
          String.format("Feature '%s' must be a number, not '%s'", attribute.name(), value));
    }
    List<String> known = new ArrayList<>();
    attribute.enumerateValues().asIterator().forEachRemaining(v -> known.add(v.toString()));
    throw new ScoringException(
        ScoringException.INVALID_FEATURES,
        String.format(
            "Feature '%s' has the unknown value '%s'; the model knows: %s",
            attribute.name(), value, known));
  }
}
