package ai.lepton.api;

import ai.lepton.ml.card.ModelCard;
import ai.lepton.ml.forecasting.ForecastEvaluation;
import ai.lepton.ml.monitoring.MonitoringCheck;
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
  static List<Map<String, Object>> roc(CandidateMetrics validation) {
    List<Map<String, Object>> lines = new ArrayList<>();
    if (validation.roc() == null) {
      return lines;
    }
    int i = 0;
    for (Map.Entry<String, CandidateMetrics.RocCurve> entry : validation.roc().entrySet()) {
      CandidateMetrics.RocCurve curve = entry.getValue();
      StringBuilder points = new StringBuilder();
      for (List<Double> point : curve.points() == null ? List.<List<Double>>of() : curve.points()) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(point.get(0)), y(point.get(1))));
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("label", entry.getKey());
      line.put("auc", String.format(Locale.ROOT, "%.3f", curve.auc()));
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
  static Map<String, Object> confusion(CandidateMetrics validation) {
    CandidateMetrics.ConfusionMatrix matrix = validation.confusionMatrix();
    if (matrix == null || matrix.labels() == null || matrix.rows() == null) {
      return null;
    }
    List<String> labels = matrix.labels();
    List<List<Double>> rows = matrix.rows();
    int n = labels.size();
    double cell = 240.0 / n;
    List<Map<String, Object>> cells = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      double total = rows.get(r).stream().mapToDouble(Double::doubleValue).sum();
      for (int c = 0; c < n; c++) {
        double count = rows.get(r).get(c);
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
  static Map<String, Object> scatter(CandidateMetrics validation) {
    List<List<Double>> pairs = validation.predictedVsActual();
    if (pairs == null || pairs.isEmpty()) {
      return null;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (List<Double> pair : pairs) {
      for (double value : pair) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
    double span = max == min ? 1 : max - min;
    List<Map<String, String>> dots = new ArrayList<>();
    for (List<Double> pair : pairs) {
      dots.add(
          Map.of(
              "cx",
              String.format(Locale.ROOT, "%.1f", x((pair.get(0) - min) / span)),
              "cy",
              String.format(Locale.ROOT, "%.1f", y((pair.get(1) - min) / span))));
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
  static List<Map<String, Object>> forecast(CandidateMetrics validation) {
    CandidateMetrics.ForecastFigures series = validation.forecast();
    if (series == null || series.targets() == null) {
      return List.of();
    }
    List<Map<String, Object>> charts = new ArrayList<>();
    for (CandidateMetrics.SeriesFigures figures : series.targets()) {
      Map<String, Object> chart = seriesChart(figures);
      if (chart != null) {
        chart.put("periodicity", series.periodicity());
        chart.put("testPeriods", series.testPeriods());
        chart.put("trainingPeriods", series.trainingPeriods());
        charts.add(chart);
      }
    }
    return charts;
  }

  private static Map<String, Object> seriesChart(CandidateMetrics.SeriesFigures figures) {
    List<ForecastEvaluation.HeldOutPeriod> rows = figures.heldOut();
    if (rows == null || rows.isEmpty()) {
      return null;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (ForecastEvaluation.HeldOutPeriod row : rows) {
      if (row.actual() != null) {
        min = Math.min(min, row.actual());
        max = Math.max(max, row.actual());
      }
      min = Math.min(min, row.forecast());
      max = Math.max(max, row.forecast());
    }
    double span = max == min ? 1 : max - min;
    StringBuilder actual = new StringBuilder();
    StringBuilder forecast = new StringBuilder();
    double step = rows.size() == 1 ? 0 : 1.0 / (rows.size() - 1);
    for (int i = 0; i < rows.size(); i++) {
      double cx = x(rows.size() == 1 ? 0.5 : i * step);
      if (rows.get(i).actual() != null) {
        actual.append(
            String.format(Locale.ROOT, "%.1f,%.1f ", cx, y((rows.get(i).actual() - min) / span)));
      }
      forecast.append(
          String.format(Locale.ROOT, "%.1f,%.1f ", cx, y((rows.get(i).forecast() - min) / span)));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("target", figures.target());
    chart.put("actual", actual.toString().strip());
    chart.put("forecast", forecast.toString().strip());
    chart.put("first", rows.get(0).period());
    chart.put("last", rows.get(rows.size() - 1).period());
    chart.put("min", String.format(Locale.ROOT, "%.4g", min));
    chart.put("max", String.format(Locale.ROOT, "%.4g", max));
    chart.put("maeRatioToSeasonalNaive", figures.maeRatioToSeasonalNaive());
    chart.put("steps", figures.steps() == null ? List.of() : figures.steps());
    chart.put(
        "seasonalNaiveSteps",
        figures.seasonalNaiveSteps() == null ? List.of() : figures.seasonalNaiveSteps());
    chart.put(
        "rollingOrigins", figures.rollingOrigins() == null ? List.of() : figures.rollingOrigins());
    return chart;
  }

  /**
   * Permutation importance as horizontal bars, most important first: each attribute's mean fall in
   * the success metric when its values are shuffled, scaled to the largest fall, with a whisker of
   * one standard deviation over the shuffles either side; attributes that drive the model overall
   * dark, the rest grey.
   */
  static Map<String, Object> importance(CandidateMetrics validation) {
    CandidateMetrics.Importance measured = validation.importance();
    if (measured == null || measured.attributes() == null || measured.attributes().isEmpty()) {
      return null;
    }
    double largest = 0;
    for (CandidateMetrics.AttributeImportance attribute : measured.attributes()) {
      if (attribute.drop() != null && attribute.spread() != null) {
        largest = Math.max(largest, attribute.drop() + attribute.spread());
      }
    }
    double scale = largest > 0 ? 320 / largest : 0;
    List<Map<String, String>> bars = new ArrayList<>();
    int row = 0;
    for (CandidateMetrics.AttributeImportance attribute : measured.attributes()) {
      if (attribute.drop() == null) {
        continue;
      }
      double drop = attribute.drop();
      double spread = attribute.spread() == null ? 0 : attribute.spread();
      Map<String, String> bar =
          bar(
              row,
              String.valueOf(attribute.attribute()),
              Math.max(1, drop * scale),
              String.format(Locale.ROOT, "%.4f ± %.4f", drop, spread),
              Boolean.TRUE.equals(attribute.important()) ? "#1f4e79" : "#9aa5b1");
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
    chart.put("metric", measured.metric());
    return chart;
  }

  /**
   * Per protected attribute, each group's selection rate as a horizontal bar on a 0–1 scale (red
   * under four-fifths of the reference group's rate), with the four-fifths line drawn; keyed by
   * attribute, in the metrics' order.
   */
  static Map<String, Object> fairness(CandidateMetrics validation) {
    if (validation.fairness() == null) {
      return null;
    }
    Map<String, Object> charts = new LinkedHashMap<>();
    for (CandidateMetrics.FairnessAssessment assessment : validation.fairness()) {
      List<CandidateMetrics.GroupFigures> groups = assessment.groups();
      if (groups == null || groups.isEmpty()) {
        continue;
      }
      Double reference =
          assessment.reference().map(CandidateMetrics.GroupFigures::selectionRate).orElse(null);
      List<Map<String, String>> bars = new ArrayList<>();
      int row = 0;
      for (CandidateMetrics.GroupFigures group : groups) {
        if (group.selectionRate() == null) {
          continue;
        }
        double rate = group.selectionRate();
        boolean under = reference != null && reference > 0 && rate / reference < 0.8;
        bars.add(
            bar(
                row++,
                group.group() + " (" + group.rows() + ")",
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
      charts.put(String.valueOf(assessment.attribute()), chart);
    }
    return charts.isEmpty() ? null : charts;
  }

  /**
   * PSI at or above which a drift bar runs to the end of the scale (its value is still written
   * beside it).
   */
  static final double PSI_SCALE = 0.5;

  /**
   * The latest check's PSI per attribute as horizontal bars (green stable, orange moderate, red
   * significant, on a 0–0.5 scale with the two band limits drawn), and each check's largest PSI and
   * recent accuracy over time.
   */
  static Map<String, Object> drift(ModelCard.Monitoring monitoring) {
    List<MonitoringCheck.AttributeDrift> attributes = monitoring.latestAttributes();
    List<MonitoringCheck> checks = monitoring.checks();
    if (attributes == null || attributes.isEmpty() || checks.isEmpty()) {
      return null;
    }
    double moderate = checks.get(0).psiBands().moderate();
    double significant = checks.get(0).psiBands().significant();
    List<Map<String, String>> bars = new ArrayList<>();
    int row = 0;
    for (MonitoringCheck.AttributeDrift attribute : attributes) {
      double psi = attribute.psi();
      if (Double.isNaN(psi)) {
        continue;
      }
      bars.add(
          bar(
              row++,
              attribute.attribute(),
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
    chart.put("checkedAt", checks.get(0).checkedAt());
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
  private static Map<String, Object> trend(List<MonitoringCheck> newestFirst) {
    List<MonitoringCheck> checks = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(checks);
    StringBuilder psiLine = new StringBuilder();
    StringBuilder accuracyLine = new StringBuilder();
    List<Map<String, String>> dots = new ArrayList<>();
    double step = checks.size() == 1 ? 0 : (double) SIZE / (checks.size() - 1);
    for (int i = 0; i < checks.size(); i++) {
      double cx = LEFT + (checks.size() == 1 ? SIZE / 2.0 : i * step);
      Double psi = checks.get(i).maxPsi();
      if (psi != null) {
        double cy = y(Math.min(1, psi));
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
      Double accuracy = checks.get(i).recentAccuracy();
      if (accuracy != null) {
        double cy = y(accuracy);
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
    Double baseline = newestFirst.get(0).baselineAccuracy();
    trend.put(
        "baselineY", baseline == null ? null : String.format(Locale.ROOT, "%.1f", y(baseline)));
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
