package ai.lepton.ml.forecasting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.timeseries.WekaForecaster;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * How a deployed forecaster did on the periods that have come since its series ended: the actuals the client sends
 * as monitoring data, each against what the forecaster forecast for that period from the end of its series; their
 * mean absolute error beside the one it was approved on.
 */
public final class ForecastAccuracy {

  private ForecastAccuracy() {}

  /**
   * @param forecaster as deserialized from the approved model file, and {@code history} the series' last periods kept
   *     with it
   * @param approvedMae the mean absolute error over the steps it was approved on
   */
  public static Map<String, Object> check(WekaForecaster forecaster, Instances history, String target,
      double approvedMae, List<Instances> received) throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("approvedForecastMae", Double.isNaN(approvedMae) ? null : approvedMae);
    String timeName = forecaster.getTSLagMaker().getTimeStampField();
    Attribute historyTime = history.attribute(timeName);
    double seriesEnd = history.lastInstance().value(historyTime);
    TreeMap<Double, Double> actuals = new TreeMap<>();
    for (Instances data : received) {
      Attribute time = data.attribute(timeName);
      Attribute value = data.attribute(target);
      if (time == null || value == null || !time.isDate()) {
        continue;
      }
      for (int row = 0; row < data.numInstances(); row++) {
        double at = data.instance(row).value(time);
        double actual = data.instance(row).value(value);
        if (!Double.isNaN(at) && !Double.isNaN(actual) && at > seriesEnd) {
          actuals.put(at, actual);
        }
      }
    }
    result.put("forecastPeriodsChecked", 0);
    if (actuals.isEmpty() || forecaster.isUsingOverlayData()) {
      result.put("recentForecastMae", null);
      return result;
    }
    // the periods from the end of the series to the last actual, as the forecaster counts them
    List<Double> periods = new ArrayList<>();
    double at = seriesEnd;
    while (periods.size() < LiveForecasts.MAX_HORIZON && at < actuals.lastKey()) {
      at = forecaster.getTSLagMaker().advanceSuppliedTimeValue(at);
      periods.add(at);
    }
    forecaster.primeForecaster(history);
    List<List<NumericPrediction>> forecasts = forecaster.forecast(periods.size());
    double absolute = 0;
    int matched = 0;
    List<Map<String, Object>> compared = new ArrayList<>();
    for (int step = 0; step < periods.size(); step++) {
      String period = historyTime.formatDate(periods.get(step));
      for (Map.Entry<Double, Double> actual : actuals.entrySet()) {
        if (historyTime.formatDate(actual.getKey()).equals(period)) {
          double forecast = forecasts.get(step).get(0).predicted();
          absolute += Math.abs(actual.getValue() - forecast);
          matched++;
          compared.add(Map.of("period", period, "actual", actual.getValue(), "forecast", forecast,
              "stepsAhead", step + 1));
        }
      }
    }
    result.put("forecastPeriodsChecked", matched);
    result.put("recentForecastMae", matched == 0 ? null : absolute / matched);
    // the newest periods, enough for a chart: the figures above cover all of them
    result.put("forecastAgainstActual", compared.subList(Math.max(0, compared.size() - 60), compared.size()));
    return result;
  }
}
