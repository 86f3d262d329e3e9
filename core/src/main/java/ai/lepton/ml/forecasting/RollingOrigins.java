package ai.lepton.ml.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.timeseries.WekaForecaster;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Rolling-origin evaluation, the way a forecaster is used in production: at each of the last few
 * origins the model is rebuilt on every period before it and forecasts the horizon after it, as it
 * would have been on that day. The origins are a horizon apart and end one horizon before the data
 * does, so each forecast period has an actual and none is forecast twice. Where {@link
 * ForecastTrainer#evaluate} keeps one model trained before the held-out periods, this refits at
 * each origin: a model that only looked good on one stretch of the series shows it here.
 */
public final class RollingOrigins {

  /** How many origins, the last one a horizon before the end of the data. */
  public static final int ORIGINS = 4;

  /**
   * One origin: the first forecast period, the periods trained on, and the errors over the horizon
   * after it.
   */
  public record Origin(
      String firstForecastPeriod,
      int trainingPeriods,
      int periods,
      double mae,
      double seasonalNaiveMae) {

    /** As a stored document has it: an error the document lacks is unknown (NaN), not 0. */
    @JsonCreator
    static Origin read(
        @JsonProperty("firstForecastPeriod") String firstForecastPeriod,
        @JsonProperty("trainingPeriods") Integer trainingPeriods,
        @JsonProperty("periods") Integer periods,
        @JsonProperty("mae") Double mae,
        @JsonProperty("seasonalNaiveMae") Double seasonalNaiveMae) {
      return new Origin(
          firstForecastPeriod,
          trainingPeriods == null ? 0 : trainingPeriods,
          periods == null ? 0 : periods,
          mae == null ? Double.NaN : mae,
          seasonalNaiveMae == null ? Double.NaN : seasonalNaiveMae);
    }
  }

  private RollingOrigins() {}

  /**
   * Each series' origins (in the order of {@link ForecastSpec#targets()}) that leave enough periods
   * to learn from (twice the lags, as {@link ForecastTrainer#evaluate} asks); empty lists when the
   * series is too short for one.
   */
  public static Map<String, List<Origin>> evaluate(Instances data, ForecastSpec spec)
      throws Exception {
    Map<String, List<Origin>> origins = new LinkedHashMap<>();
    spec.targets().forEach(target -> origins.put(target, new ArrayList<>()));
    for (int cut : cuts(data, spec)) {
      at(data, spec, cut).forEach((target, origin) -> origins.get(target).add(origin));
    }
    return origins;
  }

  /**
   * The origin at {@code index} of the ones {@link #evaluate} lists, rebuilt alone: each series'
   * errors, or an empty map when there is no such origin (a node checks one origin of a worker's
   * figures this way).
   */
  public static Map<String, Origin> rebuild(Instances data, ForecastSpec spec, int index)
      throws Exception {
    List<Integer> cuts = cuts(data, spec);
    return index < 0 || index >= cuts.size() ? Map.of() : at(data, spec, cuts.get(index));
  }

  /**
   * Where each origin cuts the series, oldest first: the ones that leave twice the lags to learn
   * from.
   */
  private static List<Integer> cuts(Instances data, ForecastSpec spec) throws Exception {
    int maxLag = ForecastTrainer.configure(data, spec).getTSLagMaker().getMaxLag();
    List<Integer> cuts = new ArrayList<>();
    for (int k = ORIGINS; k >= 1; k--) {
      int cut = data.numInstances() - k * spec.horizon();
      if (cut >= 2 * maxLag) {
        cuts.add(cut);
      }
    }
    return cuts;
  }

  /**
   * Each series' errors at the origin {@code cut}: the forecaster refitted on every period before
   * it.
   */
  private static Map<String, Origin> at(Instances data, ForecastSpec spec, int cut)
      throws Exception {
    Season season = Season.of(data, spec.timeAttribute(), spec.skipPeriods());
    int horizon = spec.horizon();
    WekaForecaster forecaster = ForecastTrainer.configure(data, spec);
    Instances past = new Instances(data, 0, cut);
    forecaster.buildForecaster(past);
    forecaster.primeForecaster(past);
    List<List<NumericPrediction>> steps =
        forecaster.isUsingOverlayData()
            ? forecaster.forecast(
                horizon, overlaysKnownInAdvance(data, cut, horizon, spec.targets()))
            : forecaster.forecast(horizon);
    String firstPeriod =
        data.attribute(spec.timeAttribute())
            .formatDate(data.instance(cut).value(data.attribute(spec.timeAttribute())));
    Map<String, Origin> origin = new LinkedHashMap<>();
    for (int t = 0; t < spec.targets().size(); t++) {
      origin.put(
          spec.targets().get(t),
          origin(
              data,
              data.attribute(spec.targets().get(t)).index(),
              t,
              steps,
              cut,
              horizon,
              season,
              firstPeriod));
    }
    return origin;
  }

  /** One series' errors over the horizon after the origin at {@code cut}. */
  private static Origin origin(
      Instances data,
      int targetIndex,
      int position,
      List<List<NumericPrediction>> steps,
      int cut,
      int horizon,
      Season season,
      String firstPeriod) {
    double model = 0;
    double naive = 0;
    int counted = 0;
    int naiveCounted = 0;
    for (int step = 1; step <= horizon; step++) {
      int row = cut + step - 1;
      double actual = data.instance(row).value(targetIndex);
      if (Double.isNaN(actual)) {
        continue;
      }
      model += Math.abs(actual - steps.get(step - 1).get(position).predicted());
      counted++;
      int earlier = row - (int) Math.ceil(step / (double) season.length()) * season.length();
      if (earlier >= 0 && !Double.isNaN(data.instance(earlier).value(targetIndex))) {
        naive += Math.abs(actual - data.instance(earlier).value(targetIndex));
        naiveCounted++;
      }
    }
    return new Origin(
        firstPeriod,
        cut,
        counted,
        counted == 0 ? Double.NaN : model / counted,
        naiveCounted == 0 ? Double.NaN : naive / naiveCounted);
  }

  /** The mean over the origins of the model's MAE (NaN for none). */
  public static double meanMae(List<Origin> origins) {
    return origins.stream()
        .mapToDouble(Origin::mae)
        .filter(v -> !Double.isNaN(v))
        .average()
        .orElse(Double.NaN);
  }

  /** The mean over the origins of the seasonal-naive MAE on the same periods (NaN for none). */
  public static double meanSeasonalNaiveMae(List<Origin> origins) {
    return origins.stream()
        .mapToDouble(Origin::seasonalNaiveMae)
        .filter(v -> !Double.isNaN(v))
        .average()
        .orElse(Double.NaN);
  }

  /**
   * The periods after the origin as the forecaster would be given them: the overlay inputs, never
   * the target.
   */
  private static Instances overlaysKnownInAdvance(
      Instances data, int cut, int horizon, List<String> targets) {
    Instances future = new Instances(data, cut, horizon);
    for (String target : targets) {
      int index = data.attribute(target).index();
      future.forEach(row -> row.setValue(index, Utils.missingValue()));
    }
    return future;
  }
}
