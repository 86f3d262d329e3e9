package ai.lepton.ml.training;

import java.util.Locale;

/** What the model predicts: a class label, a number, or a series' next periods. */
public enum ProblemType {
  CLASSIFICATION,
  REGRESSION,
  FORECASTING;

  public static ProblemType of(Object value) {
    String text = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "classification" -> CLASSIFICATION;
      case "regression" -> REGRESSION;
      case "forecasting" -> FORECASTING;
      default ->
          throw new IllegalArgumentException(
              "problemType must be 'classification', 'regression' or 'forecasting', not '"
                  + value
                  + "'");
    };
  }

  /**
   * Whether the learner can predict what this problem predicts, as Weka declares it (its class
   * capabilities): a label for classification, a number for regression and for each step of a
   * forecast.
   */
  public boolean learnableBy(weka.classifiers.Classifier learner) {
    weka.core.Capabilities capabilities = learner.getCapabilities();
    return this == CLASSIFICATION
        ? capabilities.handles(weka.core.Capabilities.Capability.NOMINAL_CLASS)
            || capabilities.handles(weka.core.Capabilities.Capability.BINARY_CLASS)
        : capabilities.handles(weka.core.Capabilities.Capability.NUMERIC_CLASS);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
