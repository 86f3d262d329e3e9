package ai.lepton.ml.forecasting;

import java.util.List;

/** The next periods of a series as the live version of a forecasting model forecasts them. */
public record Forecast(String modelName, String modelVersionId, String target, List<Period> periods) {

  /**
   * One future period: its date, the forecast, and the 95 % interval (null beyond the steps the model was trained to
   * give intervals for).
   */
  public record Period(String period, double forecast, Double lower, Double upper) {}
}
