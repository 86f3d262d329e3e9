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
      default -> throw new IllegalArgumentException(
          "problemType must be 'classification', 'regression' or 'forecasting', not '" + value + "'");
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
