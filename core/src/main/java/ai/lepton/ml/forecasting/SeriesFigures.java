package ai.lepton.ml.forecasting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each forecast series' figures as a forecasting model version keeps them in its metrics ({@code
 * forecast.targets}, written by {@link ForecastTrainer#train}). A version registered before models
 * forecast several series kept its one series' figures beside the series settings and at the top of
 * its metrics: read as one series here, so readers have one shape.
 */
public final class SeriesFigures {

  private SeriesFigures() {}

  /**
   * The figures of each series, the model's target first; empty for a model that does not forecast.
   */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> of(Map<String, Object> metrics, String target) {
    if (!(metrics.get("forecast") instanceof Map<?, ?> series)) {
      return List.of();
    }
    if (series.get("targets") instanceof List<?> targets) {
      return (List<Map<String, Object>>) targets;
    }
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("target", target);
    for (String key :
        List.of(
            "meanAbsoluteError",
            "rootMeanSquaredError",
            "meanAbsolutePercentageError",
            "maeRatioToSeasonalNaive",
            "seasonalNaiveMeanAbsoluteError",
            "rollingOriginMeanAbsoluteError",
            "rollingOriginMaeRatioToSeasonalNaive")) {
      if (metrics.containsKey(key)) {
        one.put(key, metrics.get(key));
      }
    }
    for (String key : List.of("steps", "seasonalNaiveSteps", "heldOut", "rollingOrigins")) {
      one.put(key, series.get(key) instanceof List<?> list ? list : List.of());
    }
    return List.of(one);
  }

  /** Each series' approved mean absolute error over the steps, by name (NaN where unknown). */
  public static Map<String, Double> approvedMae(Map<String, Object> metrics, String target) {
    Map<String, Double> approved = new LinkedHashMap<>();
    for (Map<String, Object> figures : of(metrics, target)) {
      approved.put(
          String.valueOf(figures.get("target")),
          figures.get("meanAbsoluteError") instanceof Number mae ? mae.doubleValue() : Double.NaN);
    }
    return approved;
  }
}
