package ai.lepton.ml.forecasting;

import java.util.List;

/**
 * One series of a forecaster judged the way it will be used: trained on the past only, then
 * forecasting the held-out last periods from each origin in turn, step by step ahead; beside it the
 * seasonal-naive forecast (the same period one season earlier) on exactly the same periods, the
 * baseline a forecast has to beat.
 */
public record ForecastEvaluation(
    String target,
    String periodicity,
    int seasonLength,
    int trainingPeriods,
    int testPeriods,
    List<StepErrors> model,
    List<StepErrors> seasonalNaive,
    List<HeldOutPeriod> heldOut) {

  /**
   * A held-out period: its date, its actual (null when unknown) and the forecast made one period
   * before it.
   */
  public record HeldOutPeriod(String period, Double actual, double forecast) {}

  /**
   * The model's mean absolute error over all steps as a share of the seasonal-naive one (below 1:
   * it does better).
   */
  public double maeRatioToSeasonalNaive() {
    double model = this.model.stream().mapToDouble(StepErrors::mae).average().orElse(Double.NaN);
    double naive = seasonalNaive.stream().mapToDouble(StepErrors::mae).average().orElse(Double.NaN);
    return model / naive;
  }
}
