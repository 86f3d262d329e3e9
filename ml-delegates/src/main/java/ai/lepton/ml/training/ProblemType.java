package ai.lepton.ml.training;

import java.util.Locale;

/** What the model predicts: a class label or a number. */
public enum ProblemType {
  CLASSIFICATION,
  REGRESSION;

  public static ProblemType of(Object value) {
    String text = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "classification" -> CLASSIFICATION;
      case "regression" -> REGRESSION;
      default -> throw new IllegalArgumentException(
          "problemType must be 'classification' or 'regression', not '" + value + "'");
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
