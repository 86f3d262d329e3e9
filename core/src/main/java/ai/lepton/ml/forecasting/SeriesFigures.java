package ai.lepton.ml.forecasting;

import ai.lepton.ml.training.CandidateMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each forecast series' figures as a forecasting model version keeps them in its metrics ({@code
 * forecast.targets}, written by {@link ForecastTrainer#train}). A version registered before models
 * forecast several series kept its one series' figures at the top of its metrics and its steps,
 * held-out periods and rolling origins beside the series settings: read as one series here, so
 * readers have one shape.
 */
public final class SeriesFigures {

  private SeriesFigures() {}

  /**
   * The figures of each series, the model's target first; empty for a model that does not forecast.
   */
  public static List<CandidateMetrics.SeriesFigures> of(CandidateMetrics metrics, String target) {
    CandidateMetrics.ForecastFigures series = metrics.forecast();
    if (series == null) {
      return List.of();
    }
    if (series.targets() != null) {
      return series.targets();
    }
    return List.of(
        new CandidateMetrics.SeriesFigures(
            target,
            metrics.meanAbsoluteError(),
            metrics.rootMeanSquaredError(),
            metrics.meanAbsolutePercentageError(),
            metrics.maeRatioToSeasonalNaive(),
            metrics.seasonalNaiveMeanAbsoluteError(),
            metrics.rollingOriginMeanAbsoluteError(),
            metrics.rollingOriginMaeRatioToSeasonalNaive(),
            orNone(series.steps()),
            orNone(series.seasonalNaiveSteps()),
            orNone(series.heldOut()),
            orNone(series.rollingOrigins())));
  }

  /** Each series' approved mean absolute error over the steps, by name (NaN where unknown). */
  public static Map<String, Double> approvedMae(CandidateMetrics metrics, String target) {
    Map<String, Double> approved = new LinkedHashMap<>();
    for (CandidateMetrics.SeriesFigures figures : of(metrics, target)) {
      approved.put(
          String.valueOf(figures.target()),
          figures.meanAbsoluteError() == null ? Double.NaN : figures.meanAbsoluteError());
    }
    return approved;
  }

  private static <T> List<T> orNone(List<T> list) {
    return list == null ? List.of() : list;
  }
}
