package ai.lepton.ml.forecasting;

import ai.lepton.ml.training.AlgorithmSpec;
import java.util.List;

/**
 * What a forecasting engagement asks for: the series to forecast ({@code targets}, forecast
 * jointly: each one's past is an input of every other's forecast) over time ({@code timeAttribute},
 * a date attribute), how many periods ahead ({@code horizon}), inputs known in advance for the
 * future periods ({@code overlays}: promotions, prices, holidays) and the Weka learner the
 * forecaster builds on.
 *
 * @param targets the engagement's target first, then the series forecast with it; at least one, no
 *     repeats
 * @param testPeriods the last periods held out to evaluate on, never trained on (0: the larger of
 *     the horizon and one season)
 * @param skipPeriods periods that are not in the series and never forecast, in the forecasting
 *     package's words: {@code weekend}, a weekday ({@code sat}), a month ({@code dec}), or a date
 *     with its format ({@code 2025-12-25@yyyy-MM-dd}), comma-separated; null for none (non-trading
 *     days of a daily series)
 */
public record ForecastSpec(
    List<String> targets,
    String timeAttribute,
    int horizon,
    List<String> overlays,
    AlgorithmSpec baseLearner,
    int testPeriods,
    String skipPeriods) {

  public ForecastSpec {
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "The horizon is the number of periods to forecast: 1 or more");
    }
    if (targets == null || targets.isEmpty()) {
      throw new IllegalArgumentException(
          "A forecast needs the series to forecast: one numeric attribute or more");
    }
    targets = targets.stream().map(String::strip).distinct().toList();
    overlays = overlays == null ? List.of() : List.copyOf(overlays);
    skipPeriods = skipPeriods == null || skipPeriods.isBlank() ? null : skipPeriods.strip();
  }

  /** One series with periods to skip. */
  public ForecastSpec(
      String target,
      String timeAttribute,
      int horizon,
      List<String> overlays,
      AlgorithmSpec baseLearner,
      int testPeriods,
      String skipPeriods) {
    this(List.of(target), timeAttribute, horizon, overlays, baseLearner, testPeriods, skipPeriods);
  }

  /** One series with no periods to skip. */
  public ForecastSpec(
      String target,
      String timeAttribute,
      int horizon,
      List<String> overlays,
      AlgorithmSpec baseLearner,
      int testPeriods) {
    this(List.of(target), timeAttribute, horizon, overlays, baseLearner, testPeriods, null);
  }

  /** The engagement's own target: the first series. */
  public String target() {
    return targets.get(0);
  }
}
