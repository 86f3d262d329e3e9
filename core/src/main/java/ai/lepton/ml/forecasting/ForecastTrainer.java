package ai.lepton.ml.forecasting;

import ai.lepton.ml.training.TrainingFailedException;
import ai.lepton.ml.training.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.timeseries.WekaForecaster;
import weka.classifiers.timeseries.eval.TSEvaluation;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.filters.supervised.attribute.TSLagMaker;

/**
 * Trains and evaluates forecasters with Weka's forecasting package: the target's own past as lagged
 * inputs (one season of lags), calendar attributes of each period, overlay inputs known in advance,
 * on any Weka learner; then evaluates time-ordered — the last periods held out, forecast 1..horizon
 * steps ahead from each origin — with the package's own {@link TSEvaluation}, beside the
 * seasonal-naive forecast on the same periods. Shuffled k-fold cross-validation is never used for a
 * series: it would train on the future of the periods it tests.
 */
public final class ForecastTrainer {

  private ForecastTrainer() {}

  /** A forecaster configured for the series, not yet built. */
  public static WekaForecaster configure(Instances data, ForecastSpec spec) throws Exception {
    Attribute time = data.attribute(spec.timeAttribute());
    if (time == null || !time.isDate()) {
      throw new IllegalArgumentException(
          "'"
              + spec.timeAttribute()
              + "' is not a date attribute of the data: a"
              + " forecast needs the time of each row (an ARFF date attribute, e.g. @attribute Date date 'yyyy-MM-dd')");
    }
    for (String target : spec.targets()) {
      if (data.attribute(target) == null || !data.attribute(target).isNumeric()) {
        throw new IllegalArgumentException(
            "'"
                + target
                + "' is not a numeric attribute of the data: only numbers"
                + " are forecast");
      }
      if (target.equals(spec.timeAttribute()) || spec.overlays().contains(target)) {
        throw new IllegalArgumentException(
            "'"
                + target
                + "' cannot be both forecast and "
                + (target.equals(spec.timeAttribute())
                    ? "the time of each row"
                    : "an input known in advance"));
      }
    }
    double previous = Double.NEGATIVE_INFINITY;
    for (int row = 0; row < data.numInstances(); row++) {
      double at = data.instance(row).value(time);
      if (Double.isNaN(at)) {
        throw new IllegalArgumentException(
            "Row "
                + (row + 1)
                + " has no "
                + spec.timeAttribute()
                + ": every period of a"
                + " series needs its date");
      }
      if (at < previous) {
        throw new IllegalArgumentException(
            "The rows are not in time order (row "
                + (row + 1)
                + " comes before the"
                + " one above it): send the series sorted by "
                + spec.timeAttribute());
      }
      previous = at;
    }
    Season season = Season.of(data, spec.timeAttribute(), spec.skipPeriods());
    WekaForecaster forecaster = new WekaForecaster();
    forecaster.setFieldsToForecast(String.join(",", spec.targets()));
    forecaster.setBaseForecaster(spec.baseLearner().newClassifier());
    TSLagMaker lags = forecaster.getTSLagMaker();
    lags.setTimeStampField(spec.timeAttribute());
    if (spec.skipPeriods() != null) {
      lags.setSkipEntries(spec.skipPeriods());
      lags.setPeriodicity(season.periodicity()); // the package cannot detect it through the gaps
    }
    lags.setMinLag(1);
    lags.setMaxLag(Math.max(season.length(), 3));
    season.describePeriods(lags);
    if (!spec.overlays().isEmpty()) {
      forecaster.setOverlayFields(String.join(",", spec.overlays()));
    }
    return forecaster;
  }

  /**
   * The last periods held out: the larger of the horizon and one season, unless the spec names a
   * number.
   */
  static int testPeriods(ForecastSpec spec, Season season) {
    return spec.testPeriods() > 0 ? spec.testPeriods() : Math.max(spec.horizon(), season.length());
  }

  /**
   * Time-ordered evaluation (see the class comment), one per series in the order of {@link
   * ForecastSpec#targets()}: the series are forecast jointly, as the forecaster will forecast them.
   * The data must be in time order.
   */
  public static List<ForecastEvaluation> evaluate(Instances data, ForecastSpec spec)
      throws Exception {
    Season season = Season.of(data, spec.timeAttribute(), spec.skipPeriods());
    int test = testPeriods(spec, season);
    WekaForecaster forecaster = configure(data, spec);
    int lagsNeeded = forecaster.getTSLagMaker().getMaxLag();
    if (data.numInstances() - test < 2 * lagsNeeded) {
      throw new IllegalArgumentException(
          "The series has "
              + data.numInstances()
              + " periods: too few to learn from "
              + lagsNeeded
              + " lags and still hold out the last "
              + test
              + " to test on");
    }
    TSEvaluation evaluation = new TSEvaluation(data, test);
    evaluation.setHorizon(spec.horizon());
    evaluation.setPrimeWindowSize(lagsNeeded);
    evaluation.setEvaluateOnTrainingData(false);
    evaluation.setEvaluateOnTestData(true);
    evaluation.setEvaluationModules("MAE,RMSE,MAPE");
    evaluation.evaluateForecaster(forecaster, true);
    List<ForecastEvaluation> evaluations = new ArrayList<>();
    for (String target : spec.targets()) {
      evaluations.add(
          judge(evaluation, data, target, spec, season, data.numInstances() - test, test));
    }
    return evaluations;
  }

  /**
   * One series' errors step by step ahead from the package's predictions, beside the seasonal-naive
   * forecast's.
   */
  private static ForecastEvaluation judge(
      TSEvaluation evaluation,
      Instances data,
      String target,
      ForecastSpec spec,
      Season season,
      int trainingPeriods,
      int test)
      throws Exception {
    int targetIndex = data.attribute(target).index();
    Attribute time = data.attribute(spec.timeAttribute());
    List<StepErrors> model = new ArrayList<>();
    List<StepErrors> naive = new ArrayList<>();
    List<ForecastEvaluation.HeldOutPeriod> heldOut = new ArrayList<>();
    for (int step = 1; step <= spec.horizon(); step++) {
      List<NumericPrediction> predictions =
          evaluation.getPredictionsForTestData(step).getPredictionsForTarget(target);
      Errors byModel = new Errors();
      Errors bySeasonalNaive = new Errors();
      // the k-th step-ahead forecast is made at test period k - 1 for period k + step - 1; the last
      // ones reach past
      // the end of the data and have no actual
      for (int k = 0; k < predictions.size(); k++) {
        int row = trainingPeriods + k + step - 1;
        if (row >= data.numInstances()) {
          break;
        }
        double actual = data.instance(row).value(targetIndex);
        byModel.add(actual, predictions.get(k).predicted());
        if (step == 1) {
          heldOut.add(
              new ForecastEvaluation.HeldOutPeriod(
                  time.formatDate(data.instance(row).value(time)),
                  Double.isNaN(actual) ? null : actual,
                  predictions.get(k).predicted()));
        }
        int seasonsBack = (int) Math.ceil(step / (double) season.length());
        int earlier = row - seasonsBack * season.length();
        bySeasonalNaive.add(
            actual, earlier >= 0 ? data.instance(earlier).value(targetIndex) : Double.NaN);
      }
      model.add(byModel.at(step));
      naive.add(bySeasonalNaive.at(step));
    }
    return new ForecastEvaluation(
        target,
        season.periodicity().name(),
        season.length(),
        trainingPeriods,
        test,
        model,
        naive,
        heldOut);
  }

  /**
   * Evaluates the forecaster time-ordered, then builds it on the whole series and primes it with
   * the last periods, so it forecasts the periods after the data (with 95 % intervals). Each
   * series' metrics (in {@code forecast.targets}): the mean over the steps of MAE, RMSE and MAPE,
   * their ratio to the seasonal-naive forecast, the figures per step, the 1-step-ahead forecasts of
   * the held-out periods beside their actuals, and the MAE at {@link RollingOrigins} (refitted at
   * each origin). The model's own figures are the first series' in its units (MAE, RMSE) and, for
   * the measures without units that approval and champion choice may rest on (the ratios, MAPE),
   * the worst series': a joint forecaster is as good as the series it forecasts worst.
   */
  public static TrainingResult train(Instances data, ForecastSpec spec) {
    long start = System.nanoTime();
    try {
      List<ForecastEvaluation> evaluations = evaluate(data, spec);
      Map<String, List<RollingOrigins.Origin>> origins = RollingOrigins.evaluate(data, spec);
      WekaForecaster forecaster = configure(data, spec);
      forecaster.setCalculateConfIntervalsForForecasts(spec.horizon());
      forecaster.setConfidenceLevel(0.95);
      forecaster.buildForecaster(data);
      forecaster.primeForecaster(data);
      List<Map<String, Object>> targets = new ArrayList<>();
      for (ForecastEvaluation evaluation : evaluations) {
        targets.add(figures(evaluation, origins.getOrDefault(evaluation.target(), List.of())));
      }
      ForecastEvaluation first = evaluations.get(0);
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put(
          "evaluation",
          "time-ordered: trained on the first "
              + first.trainingPeriods()
              + " periods, forecasting the last "
              + first.testPeriods()
              + " 1.."
              + spec.horizon()
              + " steps ahead"
              + (targets.size() == 1
                  ? ""
                  : "; "
                      + targets.size()
                      + " series forecast jointly (MAE and RMSE of "
                      + spec.target()
                      + ", ratios and MAPE of the worst series)"));
      for (String inUnits :
          List.of(
              "meanAbsoluteError",
              "rootMeanSquaredError",
              "seasonalNaiveMeanAbsoluteError",
              "rollingOriginMeanAbsoluteError")) {
        if (targets.get(0).get(inUnits) != null) {
          metrics.put(inUnits, targets.get(0).get(inUnits));
        }
      }
      for (String withoutUnits :
          List.of(
              "meanAbsolutePercentageError",
              "maeRatioToSeasonalNaive",
              "rollingOriginMaeRatioToSeasonalNaive")) {
        worst(targets, withoutUnits).ifPresent(value -> metrics.put(withoutUnits, value));
      }
      metrics.put("numInstances", data.numInstances());
      Map<String, Object> series = new LinkedHashMap<>();
      series.put("timeAttribute", spec.timeAttribute());
      series.put("periodicity", first.periodicity());
      series.put("seasonLength", first.seasonLength());
      series.put("horizon", spec.horizon());
      series.put("overlays", spec.overlays());
      series.put("skipPeriods", spec.skipPeriods());
      series.put("trainingPeriods", first.trainingPeriods());
      series.put("testPeriods", first.testPeriods());
      series.put("targets", targets);
      metrics.put("forecast", series);
      return new TrainingResult(
          metrics, serialize(forecaster, data), (System.nanoTime() - start) / 1_000_000);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new TrainingFailedException(
          String.format(
              "Forecasting %s with %s failed: %s",
              String.join(", ", spec.targets()),
              spec.baseLearner(),
              e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }

  /** One series' figures as the registry keeps them. */
  private static Map<String, Object> figures(
      ForecastEvaluation evaluation, List<RollingOrigins.Origin> origins) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("target", evaluation.target());
    figures.put("meanAbsoluteError", mean(evaluation.model(), StepErrors::mae));
    figures.put("rootMeanSquaredError", mean(evaluation.model(), StepErrors::rmse));
    figures.put("meanAbsolutePercentageError", mean(evaluation.model(), StepErrors::mape));
    figures.put("maeRatioToSeasonalNaive", evaluation.maeRatioToSeasonalNaive());
    figures.put(
        "seasonalNaiveMeanAbsoluteError", mean(evaluation.seasonalNaive(), StepErrors::mae));
    if (!origins.isEmpty()) {
      figures.put("rollingOriginMeanAbsoluteError", RollingOrigins.meanMae(origins));
      figures.put(
          "rollingOriginMaeRatioToSeasonalNaive",
          RollingOrigins.meanMae(origins) / RollingOrigins.meanSeasonalNaiveMae(origins));
    }
    figures.put("steps", evaluation.model());
    figures.put("seasonalNaiveSteps", evaluation.seasonalNaive());
    figures.put("heldOut", evaluation.heldOut());
    figures.put("rollingOrigins", origins);
    return figures;
  }

  /**
   * The largest value of a lower-is-better measure over the series (NaN counts as the worst: it is
   * unknown).
   */
  private static java.util.Optional<Double> worst(
      List<Map<String, Object>> targets, String measure) {
    if (targets.stream().noneMatch(t -> t.get(measure) instanceof Double)) {
      return java.util.Optional.empty();
    }
    double worst = Double.NEGATIVE_INFINITY;
    for (Map<String, Object> target : targets) {
      double value = target.get(measure) instanceof Double d ? d : Double.NaN;
      if (Double.isNaN(value)) {
        return java.util.Optional.of(Double.NaN);
      }
      worst = Math.max(worst, value);
    }
    return java.util.Optional.of(worst);
  }

  private static double mean(
      List<StepErrors> steps, java.util.function.ToDoubleFunction<StepErrors> measure) {
    return steps.stream()
        .mapToDouble(measure)
        .filter(v -> !Double.isNaN(v))
        .average()
        .orElse(Double.NaN);
  }

  /**
   * The forecaster and, in place of the empty header other models keep, the series' last periods: a
   * deserialized forecaster has lost the state it was primed with, and forecasting the periods
   * after the data starts by priming it with these again ({@link LiveForecasts}).
   */
  static byte[] serialize(WekaForecaster forecaster, Instances data) throws Exception {
    int window = Math.min(data.numInstances(), 2 * forecaster.getTSLagMaker().getMaxLag());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SerializationHelper.writeAll(
        out, new Object[] {forecaster, new Instances(data, data.numInstances() - window, window)});
    return out.toByteArray();
  }

  /**
   * Mean absolute, root mean squared and mean absolute percentage error, leaving out unknown
   * actuals or forecasts.
   */
  private static final class Errors {
    private int count;
    private int percentCount;
    private double absolute;
    private double squared;
    private double percent;

    void add(double actual, double forecast) {
      if (Double.isNaN(actual) || Double.isNaN(forecast)) {
        return;
      }
      double error = actual - forecast;
      count++;
      absolute += Math.abs(error);
      squared += error * error;
      if (actual != 0) {
        percentCount++;
        percent += Math.abs(error / actual);
      }
    }

    StepErrors at(int step) {
      return new StepErrors(
          step,
          count,
          count == 0 ? Double.NaN : absolute / count,
          count == 0 ? Double.NaN : Math.sqrt(squared / count),
          percentCount == 0 ? Double.NaN : 100 * percent / percentCount);
    }
  }
}
