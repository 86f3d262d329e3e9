package ai.lepton.ml.forecasting;

import ai.lepton.ml.NameList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.timeseries.WekaForecaster;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * How a deployed forecaster did on the periods that have come since its series ended: the actuals
 * the client sends as monitoring data, each against what the forecaster forecast for that period
 * from the end of its series; their mean absolute error beside the one it was approved on, for each
 * series it forecasts.
 */
public final class ForecastAccuracy {

  private ForecastAccuracy() {}

  /**
   * The check's figures: {@code forecastTargets} holds each series' (its name, approved and recent
   * MAE, periods checked); the top-level {@code approvedForecastMae}, {@code recentForecastMae},
   * {@code forecastPeriodsChecked}, {@code forecastAgainstActual} and {@code forecastTarget} are
   * those of the series that moved furthest from its approved error (the first series while none
   * has actuals), so the maintenance rules act when any series has moved.
   *
   * @param forecaster as deserialized from the approved model file, and {@code history} the series'
   *     last periods kept with it
   * @param approvedMae each series' mean absolute error over the steps it was approved on (NaN when
   *     unknown)
   */
  public static Map<String, Object> check(
      WekaForecaster forecaster,
      Instances history,
      Map<String, Double> approvedMae,
      List<Instances> received)
      throws Exception {
    List<String> targets = NameList.of(forecaster.getFieldsToForecast());
    String timeName = forecaster.getTSLagMaker().getTimeStampField();
    Attribute historyTime = history.attribute(timeName);
    double seriesEnd = history.lastInstance().value(historyTime);
    List<TreeMap<Double, Double>> actuals = new ArrayList<>();
    double lastActual = seriesEnd;
    for (String target : targets) {
      TreeMap<Double, Double> byPeriod = actuals(received, timeName, target, seriesEnd);
      actuals.add(byPeriod);
      lastActual = byPeriod.isEmpty() ? lastActual : Math.max(lastActual, byPeriod.lastKey());
    }
    List<List<NumericPrediction>> forecasts = List.of();
    List<Double> periods = new ArrayList<>();
    if (lastActual > seriesEnd) {
      // the periods from the end of the series to the last actual, as the forecaster counts them
      double at = seriesEnd;
      while (periods.size() < LiveForecasts.MAX_HORIZON && at < lastActual) {
        at = forecaster.getTSLagMaker().advanceSuppliedTimeValue(at);
        periods.add(at);
      }
      forecaster.primeForecaster(history);
      if (forecaster.isUsingOverlayData()) {
        // inputs known in advance come with the actuals, period by period: forecast as far as they
        // reach unbroken
        Instances future = overlaysReceived(forecaster, history, received, periods);
        periods = periods.subList(0, future.numInstances());
        forecasts =
            future.isEmpty() ? List.of() : forecaster.forecast(future.numInstances(), future);
      } else {
        forecasts = forecaster.forecast(periods.size());
      }
    }
    List<Map<String, Object>> bySeries = new ArrayList<>();
    Map<String, Object> furthest = null;
    double furthestRatio = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < targets.size(); t++) {
      double approved = approvedMae.getOrDefault(targets.get(t), Double.NaN);
      Map<String, Object> figures =
          compare(targets.get(t), t, approved, actuals.get(t), periods, forecasts, historyTime);
      bySeries.add(figures);
      double ratio =
          figures.get("recentForecastMae") instanceof Double recent
                  && !Double.isNaN(approved)
                  && approved > 0
              ? recent / approved
              : Double.NEGATIVE_INFINITY;
      if (furthest == null || ratio > furthestRatio) {
        furthest = figures;
        furthestRatio = ratio;
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("forecastTarget", furthest.get("target"));
    result.put("approvedForecastMae", furthest.get("approvedForecastMae"));
    result.put("forecastPeriodsChecked", furthest.get("forecastPeriodsChecked"));
    result.put("recentForecastMae", furthest.get("recentForecastMae"));
    if (furthest.get("forecastAgainstActual") != null) {
      result.put("forecastAgainstActual", furthest.get("forecastAgainstActual"));
    }
    if (targets.size() > 1) {
      result.put(
          "forecastTargets",
          bySeries.stream()
              .map(
                  figures -> {
                    Map<String, Object> summary = new LinkedHashMap<>(figures);
                    summary.remove("forecastAgainstActual");
                    return summary;
                  })
              .toList());
    }
    return result;
  }

  /**
   * The overlay inputs of the periods after the series, from the rows received (each period's
   * values as the client sent them with its actuals), every other field unknown; it stops at the
   * first period without all of them.
   */
  private static Instances overlaysReceived(
      WekaForecaster forecaster,
      Instances history,
      List<Instances> received,
      List<Double> periods) {
    List<String> overlays = NameList.of(forecaster.getOverlayFields());
    Attribute historyTime = history.attribute(forecaster.getTSLagMaker().getTimeStampField());
    Map<String, Map<String, Object>> byPeriod = new LinkedHashMap<>();
    for (Instances data : received) {
      Attribute time = data.attribute(historyTime.name());
      if (time == null || !time.isDate()) {
        continue;
      }
      for (Instance row : data) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : overlays) {
          Attribute attribute = data.attribute(name);
          if (attribute != null && !row.isMissing(attribute)) {
            values.put(
                name,
                attribute.isNumeric() ? (Object) row.value(attribute) : row.stringValue(attribute));
          }
        }
        if (!row.isMissing(time) && values.size() == overlays.size()) {
          byPeriod.put(historyTime.formatDate(row.value(time)), values);
        }
      }
    }
    Instances future = new Instances(history, 0);
    for (double period : periods) {
      Map<String, Object> values = byPeriod.get(historyTime.formatDate(period));
      if (values == null) {
        break;
      }
      double[] cells = new double[history.numAttributes()];
      java.util.Arrays.fill(cells, weka.core.Utils.missingValue());
      Instance row = new DenseInstance(1.0, cells);
      row.setDataset(future);
      row.setValue(historyTime, period);
      for (String name : overlays) {
        Attribute attribute = history.attribute(name);
        Object value = values.get(name);
        if (value instanceof Double number) {
          row.setValue(attribute, number);
        } else if (attribute.indexOfValue(value.toString()) >= 0) {
          row.setValue(attribute, value.toString());
        } else {
          return future; // a label the forecaster never saw: no forecast reaches past it
        }
      }
      future.add(row);
    }
    return future;
  }

  /** One series' actuals after the end of the series, by period. */
  private static TreeMap<Double, Double> actuals(
      List<Instances> received, String timeName, String target, double seriesEnd) {
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
    return actuals;
  }

  /** One series' forecasts against its actuals, period by period. */
  private static Map<String, Object> compare(
      String target,
      int position,
      double approved,
      TreeMap<Double, Double> actuals,
      List<Double> periods,
      List<List<NumericPrediction>> forecasts,
      Attribute historyTime) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("target", target);
    figures.put("approvedForecastMae", Double.isNaN(approved) ? null : approved);
    if (forecasts.isEmpty() || actuals.isEmpty()) {
      figures.put("forecastPeriodsChecked", 0);
      figures.put("recentForecastMae", null);
      return figures;
    }
    Map<String, Double> byPeriod = new LinkedHashMap<>();
    actuals.forEach((at, actual) -> byPeriod.put(historyTime.formatDate(at), actual));
    double absolute = 0;
    int matched = 0;
    List<Map<String, Object>> compared = new ArrayList<>();
    for (int step = 0; step < periods.size(); step++) {
      String period = historyTime.formatDate(periods.get(step));
      Double actual = byPeriod.get(period);
      if (actual != null) {
        double forecast = forecasts.get(step).get(position).predicted();
        absolute += Math.abs(actual - forecast);
        matched++;
        compared.add(
            Map.of(
                "period", period, "actual", actual, "forecast", forecast, "stepsAhead", step + 1));
      }
    }
    figures.put("forecastPeriodsChecked", matched);
    figures.put("recentForecastMae", matched == 0 ? null : absolute / matched);
    // the newest periods, enough for a chart: the figures above cover all of them
    figures.put(
        "forecastAgainstActual",
        compared.subList(Math.max(0, compared.size() - 60), compared.size()));
    return figures;
  }
}
