package ai.lepton.ml.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The error of forecasts made {@code step} periods ahead over the held-out periods: how many there
 * were, mean absolute error, root mean squared error and mean absolute percentage error (in
 * percent; periods with an actual of 0 left out of it).
 */
public record StepErrors(int step, int count, double mae, double rmse, double mape) {

  /** As a stored document has it: an error the document lacks is unknown (NaN), not 0. */
  @JsonCreator
  static StepErrors read(
      @JsonProperty("step") Integer step,
      @JsonProperty("count") Integer count,
      @JsonProperty("mae") Double mae,
      @JsonProperty("rmse") Double rmse,
      @JsonProperty("mape") Double mape) {
    return new StepErrors(
        step == null ? 0 : step,
        count == null ? 0 : count,
        mae == null ? Double.NaN : mae,
        rmse == null ? Double.NaN : rmse,
        mape == null ? Double.NaN : mape);
  }
}
