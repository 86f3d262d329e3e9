package ai.lepton.ml.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.output.prediction.InMemory;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * Group fairness from the predictions cross-validation made on rows each model had not seen (Weka's
 * own {@link InMemory} output, filled by {@code Evaluation.crossValidateModel}): for each protected
 * attribute, the figures of {@link GroupFairness}. The requirements name the attributes and the
 * favourable label.
 */
public final class OutOfFoldFairness {

  /**
   * What to assess: the protected attributes and the class label that is the favourable outcome.
   */
  public record Request(List<ProtectedAttribute> attributes, String favourableLabel) {

    /** Nothing to assess. */
    public static final Request NONE = new Request(List.of(), null);

    public Request {
      attributes = List.copyOf(attributes);
    }

    /** Requirements' lines ({@code personal_status}, {@code age < 25}) and the favourable label. */
    public static Request parse(String lines, String favourableLabel) {
      List<ProtectedAttribute> parsed =
          lines == null
              ? List.of()
              : lines
                  .lines()
                  .map(String::strip)
                  .filter(line -> !line.isEmpty())
                  .map(ProtectedAttribute::parse)
                  .toList();
      return new Request(parsed, favourableLabel == null ? null : favourableLabel.strip());
    }

    public boolean isEmpty() {
      return attributes.isEmpty();
    }
  }

  private OutOfFoldFairness() {}

  /**
   * Checks the request against the training data before any training: a classification, and the
   * favourable label one of its classes. (An attribute the data lacks is reported in the
   * assessment, not a failed training.)
   */
  public static void check(Request request, Instances data) {
    if (request.isEmpty()) {
      return;
    }
    Attribute target = data.classAttribute();
    if (!target.isNominal()) {
      throw new IllegalArgumentException(
          "Group fairness is measured for a classification; '"
              + target.name()
              + "' is not nominal");
    }
    if (request.favourableLabel() == null || target.indexOfValue(request.favourableLabel()) < 0) {
      throw new IllegalArgumentException(
          "Name the favourable outcome, one of "
              + values(target)
              + ", not '"
              + request.favourableLabel()
              + "'");
    }
  }

  /** The assessment of every protected attribute, as the metrics carry it. */
  public static List<Map<String, Object>> assess(
      Request request, Instances data, InMemory predictions) {
    check(request, data);
    int favourable = data.classAttribute().indexOfValue(request.favourableLabel());
    List<Map<String, Object>> assessments = new ArrayList<>();
    for (ProtectedAttribute attribute : request.attributes()) {
      Attribute found;
      try {
        found = attribute.in(data);
      } catch (IllegalArgumentException cannot) {
        // the approver must see that it was asked for and why it could not be measured
        assessments.add(
            Map.of("attribute", attribute.attribute(), "notAssessed", cannot.getMessage()));
        continue;
      }
      List<GroupFairness.Outcome> outcomes = new ArrayList<>();
      for (InMemory.PredictionContainer container : predictions.getPredictions()) {
        NominalPrediction prediction = (NominalPrediction) container.prediction;
        if (Double.isNaN(prediction.predicted()) || Double.isNaN(prediction.actual())) {
          continue;
        }
        outcomes.add(
            new GroupFairness.Outcome(
                attribute.groupOf(container.instance, found),
                (int) prediction.actual() == favourable,
                (int) prediction.predicted() == favourable));
      }
      assessments.add(
          GroupFairness.assess(attribute.attribute(), request.favourableLabel(), outcomes, null)
              .toMap());
    }
    return assessments;
  }

  private static List<String> values(Attribute attribute) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < attribute.numValues(); i++) {
      values.add(attribute.value(i));
    }
    return values;
  }
}
