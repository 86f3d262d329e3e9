package ai.lepton.ml.forecasting;

import java.util.List;
import java.util.Optional;

/**
 * The next periods of a series as the live version of a forecasting model forecasts them: its
 * target's, and those of the other series it forecasts jointly ({@code otherTargets}, empty for a
 * model of one series).
 */
public record Forecast(
    String modelName,
    String modelVersionId,
    String target,
    List<Period> periods,
    List<Series> otherTargets) {

  public Forecast {
    otherTargets = otherTargets == null ? List.of() : List.copyOf(otherTargets);
  }

  /**
   * One future period: its date, the forecast, and the 95 % interval (null beyond the steps the
   * model was trained to give intervals for).
   */
  public record Period(String period, double forecast, Double lower, Double upper) {}

  /** Another series forecast with the target: its name and its periods. */
  public record Series(String target, List<Period> periods) {}

  /**
   * The periods of one of the series forecast, by name; empty for a series the model does not
   * forecast.
   */
  public Optional<List<Period>> periodsOf(String series) {
    if (target.equals(series)) {
      return Optional.of(periods);
    }
    return otherTargets.stream()
        .filter(other -> other.target().equals(series))
        .findFirst()
        .map(Series::periods);
  }

  /** Every series forecast, the target first. */
  public List<String> series() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(target), otherTargets.stream().map(Series::target))
        .toList();
  }
}
