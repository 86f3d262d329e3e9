package ai.lepton.api;

import ai.lepton.ml.Json;
import ai.lepton.ml.forecasting.SeriesFigures;
import ai.lepton.ml.training.CandidateMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a model card's curves and matrix into the coordinates of the card's SVG drawings (the
 * template draws them): a 300 × 300 plot area with a 40-pixel margin for ROC curves and
 * predicted-vs-actual, a 240-pixel square for the confusion matrix.
 */
final class ModelCardCharts {

  static final int LEFT = 40;
  static final int TOP = 10;
  static final int SIZE = 280;
  private static final String[] COLOURS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"
  };

  private ModelCardCharts() {}

  /** One polyline per class: label, AUC, colour, and its points in SVG coordinates. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> roc(Map<String, Object> validation) {
    List<Map<String, Object>> lines = new ArrayList<>();
    if (!(validation.get("roc") instanceof Map<?, ?> roc)) {
      return lines;
    }
    int i = 0;
    for (Map.Entry<?, ?> entry : roc.entrySet()) {
      Map<String, Object> curve = (Map<String, Object>) entry.getValue();
      StringBuilder points = new StringBuilder();
      for (List<Number> point : (List<List<Number>>) curve.get("points")) {
        points.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                x(point.get(0).doubleValue()),
                y(point.get(1).doubleValue())));
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("label", entry.getKey());
      line.put(
          "auc", String.format(Locale.ROOT, "%.3f", ((Number) curve.get("auc")).doubleValue()));
      line.put("colour", COLOURS[i % COLOURS.length]);
      line.put("points", points.toString().strip());
      line.put("legendY", TOP + 20 + 16 * i);
      lines.add(line);
      i++;
    }
    return lines;
  }

  /**
   * Cells of the confusion matrix: position, count, and a shade by the share of the actual class's
   * rows.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> confusion(Map<String, Object> validation) {
    if (!(validation.get("confusionMatrix") instanceof Map<?, ?> matrix)) {
      return null;
    }
    List<String> labels = (List<String>) matrix.get("labels");
    List<List<Number>> rows = (List<List<Number>>) matrix.get("rows");
    int n = labels.size();
    double cell = 240.0 / n;
    List<Map<String, Object>> cells = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      double total = rows.get(r).stream().mapToDouble(Number::doubleValue).sum();
      for (int c = 0; c < n; c++) {
        double count = rows.get(r).get(c).doubleValue();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("x", String.format(Locale.ROOT, "%.1f", 100 + c * cell));
        entry.put("y", String.format(Locale.ROOT, "%.1f", 30 + r * cell));
        entry.put("size", String.format(Locale.ROOT, "%.1f", cell - 2));
        entry.put("textX", String.format(Locale.ROOT, "%.1f", 100 + c * cell + cell / 2));
        entry.put("textY", String.format(Locale.ROOT, "%.1f", 30 + r * cell + cell / 2 + 5));
        entry.put("count", String.format(Locale.ROOT, "%.0f", count));
        entry.put(
            "opacity",
            String.format(Locale.ROOT, "%.2f", total == 0 ? 0 : 0.1 + 0.8 * count / total));
        entry.put("fill", r == c ? "#2ca02c" : "#d62728");
        cells.add(entry);
      }
    }
    List<Map<String, Object>> axis = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      axis.add(
          Map.of(
              "label",
              labels.get(i),
              "column",
              String.format(Locale.ROOT, "%.1f", 100 + i * cell + cell / 2),
              "row",
              String.format(Locale.ROOT, "%.1f", 30 + i * cell + cell / 2 + 5)));
    }
    return Map.of("cells", cells, "axis", axis);
  }

  /** Predicted against actual for a numeric target, scaled to the data's range. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> scatter(Map<String, Object> validation) {
    if (!(validation.get("predictedVsActual") instanceof List<?> pairs) || pairs.isEmpty()) {
      return null;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (List<Number> pair : (List<List<Number>>) pairs) {
      for (Number value : pair) {
        min = Math.min(min, value.doubleValue());
        max = Math.max(max, value.doubleValue());
      }
    }
    double span = max == min ? 1 : max - min;
    List<Map<String, String>> dots = new ArrayList<>();
    for (List<Number> pair : (List<List<Number>>) pairs) {
      dots.add(
          Map.of(
              "cx",
              String.format(Locale.ROOT, "%.1f", x((pair.get(0).doubleValue() - min) / span)),
              "cy",
              String.format(Locale.ROOT, "%.1f", y((pair.get(1).doubleValue() - min) / span))));
    }
    return Map.of(
        "dots",
        dots,
        "min",
        String.format(Locale.ROOT, "%.4g", min),
        "max",
        String.format(Locale.ROOT, "%.4g", max));
  }

  /**
   * A forecaster's held-out periods, one chart per series it forecasts (its target first): the
   * actual series and its 1-step-ahead forecasts as two lines over time, the error by step ahead
   * beside the seasonal-naive forecast's, and the rolling origins (an empty list for other models).
   */
  static List<Map<String, Object>> forecast(Map<String, Object> validation, String target) {
    CandidateMetrics metrics = CandidateMetrics.of(validation);
    CandidateMetrics.ForecastFigures series = metrics.forecast();
    if (series == null) {
      return List.of();
    }
    List<Map<String, Object>> charts = new ArrayList<>();
    for (CandidateMetrics.SeriesFigures figures : SeriesFigures.of(metrics, target)) {
      // drawn from the series' figures as the registry stores them
      Map<String, Object> chart = seriesChart(Json.readMap(Json.write(figures)));
      if (chart != null) {
        chart.put("periodicity", series.periodicity());
        chart.put("testPeriods", series.testPeriods());
        chart.put("trainingPeriods", series.trainingPeriods());
        charts.add(chart);
      }
    }
    return charts;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> seriesChart(Map<String, Object> figures) {
    if (!(figures.get("heldOut") instanceof List<?> periods) || periods.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> rows = (List<Map<String, Object>>) periods;
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Map<String, Object> row : rows) {
      for (String key : List.of("actual", "forecast")) {
        if (row.get(key) instanceof Number value) {
          min = Math.min(min, value.doubleValue());
          max = Math.max(max, value.doubleValue());
        }
      }
    }
    double span = max == min ? 1 : max - min;
    StringBuilder actual = new StringBuilder();
    StringBuilder forecast = new StringBuilder();
    double step = rows.size() == 1 ? 0 : 1.0 / (rows.size() - 1);
    for (int i = 0; i < rows.size(); i++) {
      double cx = x(rows.size() == 1 ? 0.5 : i * step);
      if (rows.get(i).get("actual") instanceof Number value) {
        actual.append(
            String.format(Locale.ROOT, "%.1f,%.1f ", cx, y((value.doubleValue() - min) / span)));
      }
      if (rows.get(i).get("forecast") instanceof Number value) {
        forecast.append(
            String.format(Locale.ROOT, "%.1f,%.1f ", cx, y((value.doubleValue() - min) / span)));
      }
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("target", figures.get("target"));
    chart.put("actual", actual.toString().strip());
    chart.put("forecast", forecast.toString().strip());
    chart.put("first", rows.get(0).get("period"));
    chart.put("last", rows.get(rows.size() - 1).get("period"));
    chart.put("min", String.format(Locale.ROOT, "%.4g", min));
    chart.put("max", String.format(Locale.ROOT, "%.4g", max));
    chart.put("maeRatioToSeasonalNaive", figures.get("maeRatioToSeasonalNaive"));
    chart.put("steps", figures.get("steps") instanceof List<?> steps ? steps : List.of());
    chart.put(
        "seasonalNaiveSteps",
        figures.get("seasonalNaiveSteps") instanceof List<?> naive ? naive : List.of());
    chart.put(
        "rollingOrigins",
        figures.get("rollingOrigins") instanceof List<?> origins ? origins : List.of());
    return chart;
  }

  /**
   * Permutation importance as horizontal bars, most important first: each attribute's mean fall in
   * the success metric when its values are shuffled, scaled to the largest fall, with a whisker of
   * one standard deviation over the shuffles either side; attributes that drive the model overall
   * dark, the rest grey.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> importance(Map<String, Object> validation) {
    if (!(validation.get("importance") instanceof Map<?, ?> measured)
        || !(measured.get("attributes") instanceof List<?> attributes)
        || attributes.isEmpty()) {
      return null;
    }
    double largest = 0;
    for (Object a : attributes) {
      Map<String, Object> attribute = (Map<String, Object>) a;
      if (attribute.get("drop") instanceof Number drop
          && attribute.get("spread") instanceof Number spread) {
        largest = Math.max(largest, drop.doubleValue() + spread.doubleValue());
      }
    }
    double scale = largest > 0 ? 320 / largest : 0;
    List<Map<String, String>> bars = new ArrayList<>();
    int row = 0;
    for (Object a : attributes) {
      Map<String, Object> attribute = (Map<String, Object>) a;
      if (!(attribute.get("drop") instanceof Number number)) {
        continue;
      }
      double drop = number.doubleValue();
      double spread = attribute.get("spread") instanceof Number s ? s.doubleValue() : 0;
      Map<String, String> bar =
          bar(
              row,
              String.valueOf(attribute.get("attribute")),
              Math.max(1, drop * scale),
              String.format(Locale.ROOT, "%.4f ± %.4f", drop, spread),
              Boolean.TRUE.equals(attribute.get("important")) ? "#1f4e79" : "#9aa5b1");
      bar.put(
          "valueX", String.format(Locale.ROOT, "%.1f", 154 + Math.max(1, (drop + spread) * scale)));
      bar.put(
          "whiskerFrom",
          String.format(Locale.ROOT, "%.1f", 150 + Math.max(0, (drop - spread) * scale)));
      bar.put(
          "whiskerTo",
          String.format(Locale.ROOT, "%.1f", 150 + Math.max(0, (drop + spread) * scale)));
      bar.put("whiskerY", String.valueOf(27 + row * 18));
      bars.add(bar);
      row++;
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("bars", bars);
    chart.put("height", 30 + row * 18);
    chart.put("metric", measured.get("metric"));
    return chart;
  }

  /**
   * PSI at or above which a drift bar runs to the end of the scale (its value is still written
   * beside it).
   */
  /**
   * Per protected attribute, each group's selection rate as a horizontal bar on a 0–1 scale (red
   * under four-fifths of the reference group's rate), with the four-fifths line drawn; keyed by
   * attribute, in the metrics' order.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fairness(Map<String, Object> validation) {
    if (!(validation.get("fairness") instanceof List<?> assessments)) {
      return null;
    }
    Map<String, Object> charts = new LinkedHashMap<>();
    for (Object item : assessments) {
      Map<String, Object> assessment = (Map<String, Object>) item;
      if (!(assessment.get("groups") instanceof List<?> groups) || groups.isEmpty()) {
        continue;
      }
      Double reference = null;
      for (Object g : groups) {
        Map<String, Object> group = (Map<String, Object>) g;
        if (group.get("group").equals(assessment.get("referenceGroup"))
            && group.get("selectionRate") instanceof Number rate) {
          reference = rate.doubleValue();
        }
      }
      List<Map<String, String>> bars = new ArrayList<>();
      int row = 0;
      for (Object g : groups) {
        Map<String, Object> group = (Map<String, Object>) g;
        if (!(group.get("selectionRate") instanceof Number number)) {
          continue;
        }
        double rate = number.doubleValue();
        boolean under = reference != null && reference > 0 && rate / reference < 0.8;
        bars.add(
            bar(
                row++,
                group.get("group") + " (" + group.get("rows") + ")",
                Math.max(1, rate * 320),
                String.format(Locale.ROOT, "%.1f %%", 100 * rate),
                under ? "#d62728" : "#1f77b4"));
      }
      Map<String, Object> chart = new LinkedHashMap<>();
      chart.put("bars", bars);
      chart.put("height", 40 + row * 18);
      chart.put("axisY", 20 + row * 18);
      chart.put(
          "fourFifthsX",
          reference == null
              ? null
              : String.format(Locale.ROOT, "%.1f", 150 + 0.8 * reference * 320));
      charts.put(String.valueOf(assessment.get("attribute")), chart);
    }
    return charts.isEmpty() ? null : charts;
  }

  static final double PSI_SCALE = 0.5;

  /**
   * The latest check's PSI per attribute as horizontal bars (green stable, orange moderate, red
   * significant, on a 0–0.5 scale with the two band limits drawn), and each check's largest PSI and
   * recent accuracy over time.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> drift(Map<String, Object> monitoring) {
    List<Map<String, Object>> attributes =
        (List<Map<String, Object>>) monitoring.get("latestAttributes");
    List<Map<String, Object>> checks = (List<Map<String, Object>>) monitoring.get("checks");
    if (attributes == null || attributes.isEmpty() || checks.isEmpty()) {
      return null;
    }
    Map<String, Object> bands = (Map<String, Object>) checks.get(0).get("psiBands");
    double moderate = ((Number) bands.get("moderate")).doubleValue();
    double significant = ((Number) bands.get("significant")).doubleValue();
    List<Map<String, String>> bars = new ArrayList<>();
    int row = 0;
    for (Map<String, Object> attribute : attributes) {
      if (!(attribute.get("psi") instanceof Number number) || Double.isNaN(number.doubleValue())) {
        continue;
      }
      double psi = number.doubleValue();
      bars.add(
          bar(
              row++,
              String.valueOf(attribute.get("attribute")),
              Math.max(1, Math.min(psi, PSI_SCALE) / PSI_SCALE * 320),
              String.format(Locale.ROOT, "%.3f", psi),
              psi > significant ? "#d62728" : psi >= moderate ? "#ff7f0e" : "#2ca02c"));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("bars", bars);
    chart.put("height", 40 + row * 18);
    chart.put("axisY", 20 + row * 18);
    chart.put("moderateX", String.format(Locale.ROOT, "%.1f", 150 + moderate / PSI_SCALE * 320));
    chart.put(
        "significantX", String.format(Locale.ROOT, "%.1f", 150 + significant / PSI_SCALE * 320));
    chart.put("checkedAt", checks.get(0).get("checkedAt"));
    chart.put("trend", trend(checks));
    return chart;
  }

  /**
   * One horizontal bar of a labelled bar chart (rows 18 px apart, bars from x = 150, the value
   * after the bar).
   */
  private static Map<String, String> bar(
      int row, String label, double width, String value, String fill) {
    Map<String, String> bar = new LinkedHashMap<>();
    bar.put("label", label);
    bar.put("y", String.valueOf(20 + row * 18));
    bar.put("textY", String.valueOf(32 + row * 18));
    bar.put("width", String.format(Locale.ROOT, "%.1f", width));
    bar.put("valueX", String.format(Locale.ROOT, "%.1f", 154 + width));
    bar.put("value", value);
    bar.put("fill", fill);
    return bar;
  }

  /**
   * Oldest check on the left: its largest PSI (capped at 1) and its recent accuracy, both on a 0–1
   * scale.
   */
  private static Map<String, Object> trend(List<Map<String, Object>> newestFirst) {
    List<Map<String, Object>> checks = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(checks);
    StringBuilder psiLine = new StringBuilder();
    StringBuilder accuracyLine = new StringBuilder();
    List<Map<String, String>> dots = new ArrayList<>();
    double step = checks.size() == 1 ? 0 : (double) SIZE / (checks.size() - 1);
    for (int i = 0; i < checks.size(); i++) {
      double cx = LEFT + (checks.size() == 1 ? SIZE / 2.0 : i * step);
      Object psi = checks.get(i).get("maxPsi");
      if (psi instanceof Number number) {
        double cy = y(Math.min(1, number.doubleValue()));
        psiLine.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx, cy));
        dots.add(
            Map.of(
                "cx",
                String.format(Locale.ROOT, "%.1f", cx),
                "cy",
                String.format(Locale.ROOT, "%.1f", cy),
                "fill",
                "#d62728"));
      }
      Object accuracy = checks.get(i).get("recentAccuracy");
      if (accuracy instanceof Number number) {
        double cy = y(number.doubleValue());
        accuracyLine.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx, cy));
        dots.add(
            Map.of(
                "cx",
                String.format(Locale.ROOT, "%.1f", cx),
                "cy",
                String.format(Locale.ROOT, "%.1f", cy),
                "fill",
                "#1f77b4"));
      }
    }
    Map<String, Object> trend = new LinkedHashMap<>();
    trend.put("psi", psiLine.toString().strip());
    trend.put("accuracy", accuracyLine.toString().strip());
    trend.put("dots", dots);
    Object baseline = newestFirst.get(0).get("baselineAccuracy");
    trend.put(
        "baselineY",
        baseline instanceof Number number
            ? String.format(Locale.ROOT, "%.1f", y(number.doubleValue()))
            : null);
    trend.put("checks", checks.size());
    return trend;
  }

  private static double x(double share) {
    return LEFT + share * SIZE;
  }

  private static double y(double share) {
    return TOP + (1 - share) * SIZE;
  }
}
