package ai.lepton.ml.forecasting;

import ai.lepton.ml.training.TrainingFailedException;
import ai.lepton.ml.training.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.timeseries.WekaForecaster;
import weka.classifiers.timeseries.eval.TSEvaluation;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.filters.supervised.attribute.TSLagMaker;

/**
 * Trains and evaluates forecasters with Weka's forecasting package: the target's own past as lagged inputs (one
 * season of lags), calendar attributes of each period, overlay inputs known in advance, on any Weka learner; then
 * evaluates time-ordered — the last periods held out, forecast 1..horizon steps ahead from each origin — with the
 * package's own {@link TSEvaluation}, beside the seasonal-naive forecast on the same periods. Shuffled k-fold
 * cross-validation is never used for a series: it would train on the future of the periods it tests.
 */
public final class ForecastTrainer {

  private ForecastTrainer() {}

  /** A forecaster configured for the series, not yet built. */
  public static WekaForecaster configure(Instances data, ForecastSpec spec) throws Exception {
    Attribute time = data.attribute(spec.timeAttribute());
    if (time == null || !time.isDate()) {
      throw new IllegalArgumentException("'" + spec.timeAttribute() + "' is not a date attribute of the data: a"
          + " forecast needs the time of each row (an ARFF date attribute, e.g. @attribute Date date 'yyyy-MM-dd')");
    }
    if (data.attribute(spec.target()) == null || !data.attribute(spec.target()).isNumeric()) {
      throw new IllegalArgumentException("'" + spec.target() + "' is not a numeric attribute of the data");
    }
    double previous = Double.NEGATIVE_INFINITY;
    for (int row = 0; row < data.numInstances(); row++) {
      double at = data.instance(row).value(time);
      if (Double.isNaN(at)) {
        throw new IllegalArgumentException("Row " + (row + 1) + " has no " + spec.timeAttribute() + ": every period of a"
            + " series needs its date");
      }
      if (at < previous) {
        throw new IllegalArgumentException("The rows are not in time order (row " + (row + 1) + " comes before the"
            + " one above it): send the series sorted by " + spec.timeAttribute());
      }
      previous = at;
    }
    Season season = Season.of(data, spec.timeAttribute(), spec.skipPeriods());
    WekaForecaster forecaster = new WekaForecaster();
    forecaster.setFieldsToForecast(spec.target());
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

  /** The last periods held out: the larger of the horizon and one season, unless the spec names a number. */
  static int testPeriods(ForecastSpec spec, Season season) {
    return spec.testPeriods() > 0 ? spec.testPeriods() : Math.max(spec.horizon(), season.length());
  }

  /** Time-ordered evaluation (see the class comment). The data must be in time order. */
  public static ForecastEvaluation evaluate(Instances data, ForecastSpec spec) throws Exception {
    Season season = Season.of(data, spec.timeAttribute(), spec.skipPeriods());
    int test = testPeriods(spec, season);
    WekaForecaster forecaster = configure(data, spec);
    int lagsNeeded = forecaster.getTSLagMaker().getMaxLag();
    if (data.numInstances() - test < 2 * lagsNeeded) {
      throw new IllegalArgumentException("The series has " + data.numInstances() + " periods: too few to learn from "
          + lagsNeeded + " lags and still hold out the last " + test + " to test on");
    }
    TSEvaluation evaluation = new TSEvaluation(data, test);
    evaluation.setHorizon(spec.horizon());
    evaluation.setPrimeWindowSize(lagsNeeded);
    evaluation.setEvaluateOnTrainingData(false);
    evaluation.setEvaluateOnTestData(true);
    evaluation.setEvaluationModules("MAE,RMSE,MAPE");
    evaluation.evaluateForecaster(forecaster, true);

    int targetIndex = data.attribute(spec.target()).index();
    int trainingPeriods = data.numInstances() - test;
    Attribute time = data.attribute(spec.timeAttribute());
    List<StepErrors> model = new ArrayList<>();
    List<StepErrors> naive = new ArrayList<>();
    List<ForecastEvaluation.HeldOutPeriod> heldOut = new ArrayList<>();
    for (int step = 1; step <= spec.horizon(); step++) {
      List<NumericPrediction> predictions =
          evaluation.getPredictionsForTestData(step).getPredictionsForTarget(spec.target());
      Errors byModel = new Errors();
      Errors bySeasonalNaive = new Errors();
      // the k-th step-ahead forecast is made at test period k - 1 for period k + step - 1; the last ones reach past
      // the end of the data and have no actual
      for (int k = 0; k < predictions.size(); k++) {
        int row = trainingPeriods + k + step - 1;
        if (row >= data.numInstances()) {
          break;
        }
        double actual = data.instance(row).value(targetIndex);
        byModel.add(actual, predictions.get(k).predicted());
        if (step == 1) {
          heldOut.add(new ForecastEvaluation.HeldOutPeriod(time.formatDate(data.instance(row).value(time)),
              Double.isNaN(actual) ? null : actual, predictions.get(k).predicted()));
        }
        int seasonsBack = (int) Math.ceil(step / (double) season.length());
        int earlier = row - seasonsBack * season.length();
        bySeasonalNaive.add(actual, earlier >= 0 ? data.instance(earlier).value(targetIndex) : Double.NaN);
      }
      model.add(byModel.at(step));
      naive.add(bySeasonalNaive.at(step));
    }
    return new ForecastEvaluation(season.periodicity().name(), season.length(), trainingPeriods, test, model, naive,
        heldOut);
  }

  /**
   * Evaluates the forecaster time-ordered, then builds it on the whole series and primes it with the last periods, so
   * it forecasts the periods after the data (with 95 % intervals). The metrics: the mean over the steps of MAE, RMSE
   * and MAPE, their ratio to the seasonal-naive forecast, the figures per step, the 1-step-ahead forecasts of the
   * held-out periods beside their actuals, and the MAE at {@link RollingOrigins} (refitted at each origin).
   */
  public static TrainingResult train(Instances data, ForecastSpec spec) {
    long start = System.nanoTime();
    try {
      ForecastEvaluation evaluation = evaluate(data, spec);
      List<RollingOrigins.Origin> origins = RollingOrigins.evaluate(data, spec);
      WekaForecaster forecaster = configure(data, spec);
      forecaster.setCalculateConfIntervalsForForecasts(spec.horizon());
      forecaster.setConfidenceLevel(0.95);
      forecaster.buildForecaster(data);
      forecaster.primeForecaster(data);
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("evaluation", "time-ordered: trained on the first " + evaluation.trainingPeriods()
          + " periods, forecasting the last " + evaluation.testPeriods() + " 1.." + spec.horizon() + " steps ahead");
      metrics.put("meanAbsoluteError", mean(evaluation.model(), StepErrors::mae));
      metrics.put("rootMeanSquaredError", mean(evaluation.model(), StepErrors::rmse));
      metrics.put("meanAbsolutePercentageError", mean(evaluation.model(), StepErrors::mape));
      metrics.put("maeRatioToSeasonalNaive", evaluation.maeRatioToSeasonalNaive());
      metrics.put("seasonalNaiveMeanAbsoluteError", mean(evaluation.seasonalNaive(), StepErrors::mae));
      if (!origins.isEmpty()) {
        metrics.put("rollingOriginMeanAbsoluteError", RollingOrigins.meanMae(origins));
        metrics.put("rollingOriginMaeRatioToSeasonalNaive",
            RollingOrigins.meanMae(origins) / RollingOrigins.meanSeasonalNaiveMae(origins));
      }
      metrics.put("numInstances", data.numInstances());
      Map<String, Object> series = new LinkedHashMap<>();
      series.put("timeAttribute", spec.timeAttribute());
      series.put("periodicity", evaluation.periodicity());
      series.put("seasonLength", evaluation.seasonLength());
      series.put("horizon", spec.horizon());
      series.put("overlays", spec.overlays());
      series.put("skipPeriods", spec.skipPeriods());
      series.put("trainingPeriods", evaluation.trainingPeriods());
      series.put("testPeriods", evaluation.testPeriods());
      series.put("steps", evaluation.model());
      series.put("seasonalNaiveSteps", evaluation.seasonalNaive());
      series.put("heldOut", evaluation.heldOut());
      series.put("rollingOrigins", origins);
      metrics.put("forecast", series);
      return new TrainingResult(metrics, serialize(forecaster, data), (System.nanoTime() - start) / 1_000_000);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new TrainingFailedException(String.format("Forecasting %s with %s failed: %s", spec.target(),
          spec.baseLearner(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  private static double mean(List<StepErrors> steps, java.util.function.ToDoubleFunction<StepErrors> measure) {
    return steps.stream().mapToDouble(measure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }

  /**
   * The forecaster and, in place of the empty header other models keep, the series' last periods: a deserialized
   * forecaster has lost the state it was primed with, and forecasting the periods after the data starts by priming it
   * with these again ({@link LiveForecasts}).
   */
  static byte[] serialize(WekaForecaster forecaster, Instances data) throws Exception {
    int window = Math.min(data.numInstances(), 2 * forecaster.getTSLagMaker().getMaxLag());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SerializationHelper.writeAll(out, new Object[] {forecaster,
        new Instances(data, data.numInstances() - window, window)});
    return out.toByteArray();
  }

  /** Mean absolute, root mean squared and mean absolute percentage error, leaving out unknown actuals or forecasts. */
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
      return new StepErrors(step, count, count == 0 ? Double.NaN : absolute / count,
          count == 0 ? Double.NaN : Math.sqrt(squared / count),
          percentCount == 0 ? Double.NaN : 100 * percent / percentCount);
    }
  }
}
