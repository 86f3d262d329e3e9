package ai.lepton.ml.forecasting;

import ai.lepton.ml.training.AlgorithmSpec;
import java.util.List;

/**
 * What a forecasting engagement asks for: the series to forecast ({@code target}) over time ({@code timeAttribute},
 * a date attribute), how many periods ahead ({@code horizon}), inputs known in advance for the future periods
 * ({@code overlays}: promotions, prices, holidays) and the Weka learner the forecaster builds on.
 *
 * @param testPeriods the last periods held out to evaluate on, never trained on (0: the larger of the horizon and
 *     one season)
 * @param skipPeriods periods that are not in the series and never forecast, in the forecasting package's words:
 *     {@code weekend}, a weekday ({@code sat}), a month ({@code dec}), or a date with its format
 *     ({@code 2025-12-25@yyyy-MM-dd}), comma-separated; null for none (non-trading days of a daily series)
 */
public record ForecastSpec(String target, String timeAttribute, int horizon, List<String> overlays,
    AlgorithmSpec baseLearner, int testPeriods, String skipPeriods) {

  public ForecastSpec {
    if (horizon < 1) {
      throw new IllegalArgumentException("The horizon is the number of periods to forecast: 1 or more");
    }
    overlays = overlays == null ? List.of() : List.copyOf(overlays);
    skipPeriods = skipPeriods == null || skipPeriods.isBlank() ? null : skipPeriods.strip();
  }

  /** A series with no periods to skip. */
  public ForecastSpec(String target, String timeAttribute, int horizon, List<String> overlays,
      AlgorithmSpec baseLearner, int testPeriods) {
    this(target, timeAttribute, horizon, overlays, baseLearner, testPeriods, null);
  }
}
