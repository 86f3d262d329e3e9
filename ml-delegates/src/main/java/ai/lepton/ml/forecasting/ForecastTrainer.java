package ai.lepton.ml.forecasting;

import java.util.ArrayList;
import java.util.List;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.timeseries.WekaForecaster;
import weka.classifiers.timeseries.eval.TSEvaluation;
import weka.core.Attribute;
import weka.core.Instances;
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
    Season season = Season.of(data, spec.timeAttribute());
    WekaForecaster forecaster = new WekaForecaster();
    forecaster.setFieldsToForecast(spec.target());
    forecaster.setBaseForecaster(spec.baseLearner().newClassifier());
    TSLagMaker lags = forecaster.getTSLagMaker();
    lags.setTimeStampField(spec.timeAttribute());
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
    Season season = Season.of(data, spec.timeAttribute());
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
    List<StepErrors> model = new ArrayList<>();
    List<StepErrors> naive = new ArrayList<>();
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
        int seasonsBack = (int) Math.ceil(step / (double) season.length());
        int earlier = row - seasonsBack * season.length();
        bySeasonalNaive.add(actual, earlier >= 0 ? data.instance(earlier).value(targetIndex) : Double.NaN);
      }
      model.add(byModel.at(step));
      naive.add(bySeasonalNaive.at(step));
    }
    return new ForecastEvaluation(season.periodicity().name(), season.length(), trainingPeriods, test, model, naive);
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
