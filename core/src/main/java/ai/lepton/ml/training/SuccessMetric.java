package ai.lepton.ml.training;

import java.util.Arrays;
import java.util.stream.Collectors;
import weka.classifiers.Evaluation;

/**
 * The cross-validation metrics an engagement may name as its success measure, under the names of
 * Weka's {@code Evaluation} methods, and which way is better.
 */
public enum SuccessMetric {
  pctCorrect(true, ProblemType.CLASSIFICATION),
  kappa(true, ProblemType.CLASSIFICATION),
  weightedAreaUnderROC(true, ProblemType.CLASSIFICATION),
  weightedAreaUnderPRC(true, ProblemType.CLASSIFICATION),
  weightedFMeasure(true, ProblemType.CLASSIFICATION),
  weightedPrecision(true, ProblemType.CLASSIFICATION),
  weightedRecall(true, ProblemType.CLASSIFICATION),
  correlationCoefficient(true, ProblemType.REGRESSION),
  meanAbsoluteError(false, null),
  rootMeanSquaredError(false, null),
  relativeAbsoluteError(false, ProblemType.REGRESSION),
  rootRelativeSquaredError(false, ProblemType.REGRESSION),
  /**
   * A forecast's mean absolute error over its steps, as a share of the seasonal-naive forecast's
   * (below 1: better).
   */
  maeRatioToSeasonalNaive(false, ProblemType.FORECASTING),
  meanAbsolutePercentageError(false, ProblemType.FORECASTING);

  private final boolean higherIsBetter;
  private final ProblemType onlyFor;

  SuccessMetric(boolean higherIsBetter, ProblemType onlyFor) {
    this.higherIsBetter = higherIsBetter;
    this.onlyFor = onlyFor;
  }

  public static SuccessMetric of(Object value, ProblemType problemType) {
    SuccessMetric metric =
        Arrays.stream(values())
            .filter(m -> m.name().equals(value == null ? null : value.toString().strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        String.format(
                            "successMetric '%s' is not one Lepton knows; use one of: %s",
                            value,
                            Arrays.stream(values())
                                .filter(m -> m.appliesTo(problemType))
                                .map(Enum::name)
                                .collect(Collectors.joining(", ")))));
    if (!metric.appliesTo(problemType)) {
      throw new IllegalArgumentException(
          String.format("successMetric '%s' does not apply to %s", metric, problemType.wireName()));
    }
    return metric;
  }

  public boolean appliesTo(ProblemType problemType) {
    return onlyFor == null || onlyFor == problemType;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * This metric as Weka's {@link Evaluation} gives it (the method of the same name).
   *
   * @throws IllegalStateException for a forecasting metric, which no {@code Evaluation} computes
   */
  public double valueIn(Evaluation evaluation) throws Exception {
    return switch (this) {
      case pctCorrect -> evaluation.pctCorrect();
      case kappa -> evaluation.kappa();
      case weightedAreaUnderROC -> evaluation.weightedAreaUnderROC();
      case weightedAreaUnderPRC -> evaluation.weightedAreaUnderPRC();
      case weightedFMeasure -> evaluation.weightedFMeasure();
      case weightedPrecision -> evaluation.weightedPrecision();
      case weightedRecall -> evaluation.weightedRecall();
      case correlationCoefficient -> evaluation.correlationCoefficient();
      case meanAbsoluteError -> evaluation.meanAbsoluteError();
      case rootMeanSquaredError -> evaluation.rootMeanSquaredError();
      case relativeAbsoluteError -> evaluation.relativeAbsoluteError();
      case rootRelativeSquaredError -> evaluation.rootRelativeSquaredError();
      case maeRatioToSeasonalNaive, meanAbsolutePercentageError ->
          throw new IllegalStateException(
              name() + " is a forecast's measure, not a cross-validation's");
    };
  }

  /** Is {@code value} at least as good as {@code threshold}? */
  public boolean meets(double value, double threshold) {
    return higherIsBetter ? value >= threshold : value <= threshold;
  }

  /** Is {@code a} strictly better than {@code b}? NaN is never better. */
  public boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return higherIsBetter ? a > b : a < b;
  }
}
