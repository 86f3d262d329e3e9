package ai.lepton.ml.forecasting;

import ai.lepton.ml.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import weka.core.Instances;

/**
 * Checks a forecaster's figures that a standalone worker hands back, as {@link
 * ai.lepton.ml.training.FoldSpotCheck} checks a cross-validation. The node rebuilds the held-out
 * evaluation every time (the figures approval and champion choice rest on) and one of the rolling
 * origins, drawn after the figures arrived, exactly as {@link ForecastTrainer#train} does (same
 * prepared series, learner, options, horizon and inputs known in advance); each series' errors
 * there must equal the worker's. Every figure the model is judged on must also be the one its parts
 * make: each series' MAE, RMSE, MAPE and ratio to seasonal naive those of its steps, its
 * rolling-origin MAE and ratio those of its origins, the model's MAE and RMSE its target's and its
 * ratios and MAPE the worst series'. A worker that forged one origin has to forge every origin
 * consistently without knowing which will be rebuilt. It costs the node two forecasters of the
 * worker's six.
 */
public final class ForecastSpotCheck {

  private ForecastSpotCheck() {}

  /**
   * The rolling origins one may draw from: as many as the figures report (none for a series too
   * short).
   */
  public static int parts(Map<String, Object> metrics, String target) {
    List<Map<String, Object>> series = SeriesFigures.of(normalised(metrics), target);
    return series.isEmpty() ? 0 : list(series.get(0).get("rollingOrigins")).size();
  }

  /** What was rebuilt when origin {@code part} was drawn, as the model's evidence names it. */
  public static String partName(Map<String, Object> metrics, String target, int part) {
    List<Map<String, Object>> origins =
        maps(SeriesFigures.of(normalised(metrics), target).get(0).get("rollingOrigins"));
    return "the held-out evaluation"
        + (part < origins.size()
            ? " and the rolling origin from " + origins.get(part).get("firstForecastPeriod")
            : "");
  }

  /**
   * @param data the prepared series, as the worker was given it
   * @param part the rolling origin to rebuild besides the held-out evaluation ({@link #parts}),
   *     chosen by the caller at random
   * @return why the figures cannot be the ones this forecaster's evaluation makes; empty when they
   *     are
   */
  public static Optional<String> disagreement(
      Instances data, ForecastSpec spec, Map<String, Object> metrics, int part) throws Exception {
    Map<String, Object> figures = normalised(metrics);
    List<Map<String, Object>> series = SeriesFigures.of(figures, spec.target());
    List<String> named = series.stream().map(s -> String.valueOf(s.get("target"))).toList();
    if (!named.equals(spec.targets())) {
      return Optional.of(
          "the figures report the series "
              + named
              + " where the order forecasts "
              + spec.targets());
    }
    Optional<String> why = inconsistency(figures, series);
    if (why.isEmpty()) {
      why = heldOut(data, spec, series);
    }
    return why.isPresent() ? why : origin(data, spec, series, part);
  }

  /**
   * The held-out evaluation rebuilt: each series' MAE over the steps and its ratio to seasonal
   * naive.
   */
  private static Optional<String> heldOut(
      Instances data, ForecastSpec spec, List<Map<String, Object>> series) throws Exception {
    List<ForecastEvaluation> rebuilt = ForecastTrainer.evaluate(data, spec);
    for (int i = 0; i < rebuilt.size(); i++) {
      ForecastEvaluation ours = rebuilt.get(i);
      double mae =
          ours.model().stream()
              .mapToDouble(StepErrors::mae)
              .filter(v -> !Double.isNaN(v))
              .average()
              .orElse(Double.NaN);
      Optional<String> differs =
          differs(
              "the held-out evaluation",
              ours.target(),
              "meanAbsoluteError",
              mae,
              series.get(i).get("meanAbsoluteError"));
      if (differs.isEmpty()) {
        double rmse =
            ours.model().stream()
                .mapToDouble(StepErrors::rmse)
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
        differs =
            differs(
                "the held-out evaluation",
                ours.target(),
                "rootMeanSquaredError",
                rmse,
                series.get(i).get("rootMeanSquaredError"));
      }
      if (differs.isEmpty()) {
        differs =
            differs(
                "the held-out evaluation",
                ours.target(),
                "maeRatioToSeasonalNaive",
                ours.maeRatioToSeasonalNaive(),
                series.get(i).get("maeRatioToSeasonalNaive"));
      }
      if (differs.isPresent()) {
        return differs;
      }
    }
    return Optional.empty();
  }

  /**
   * One rolling origin rebuilt: each series' MAE and seasonal-naive MAE over the horizon after it.
   */
  private static Optional<String> origin(
      Instances data, ForecastSpec spec, List<Map<String, Object>> series, int index)
      throws Exception {
    Map<String, RollingOrigins.Origin> rebuilt = RollingOrigins.rebuild(data, spec, index);
    for (Map<String, Object> reported : series) {
      String target = String.valueOf(reported.get("target"));
      List<Map<String, Object>> origins = maps(reported.get("rollingOrigins"));
      RollingOrigins.Origin ours = rebuilt.get(target);
      if (ours == null && origins.isEmpty()) {
        continue; // a series too short for any origin, on both sides
      }
      if (ours == null || origins.size() <= index) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "the figures report %d rolling origins of %s where these %d" + " periods make %d",
                origins.size(),
                target,
                data.numInstances(),
                RollingOrigins.evaluate(data, spec).get(target).size()));
      }
      Map<String, Object> theirs = origins.get(index);
      String where = "the rolling origin from " + ours.firstForecastPeriod();
      if (!ours.firstForecastPeriod().equals(String.valueOf(theirs.get("firstForecastPeriod")))) {
        return Optional.of(where + " is reported as one from " + theirs.get("firstForecastPeriod"));
      }
      Optional<String> differs = differs(where, target, "mae", ours.mae(), theirs.get("mae"));
      if (differs.isEmpty()) {
        differs =
            differs(
                where,
                target,
                "seasonalNaiveMae",
                ours.seasonalNaiveMae(),
                theirs.get("seasonalNaiveMae"));
      }
      if (differs.isPresent()) {
        return differs;
      }
    }
    return Optional.empty();
  }

  /** The figures the model is judged on must be the ones its series' parts make. */
  private static Optional<String> inconsistency(
      Map<String, Object> metrics, List<Map<String, Object>> series) {
    for (Map<String, Object> one : series) {
      String target = String.valueOf(one.get("target"));
      List<Map<String, Object>> steps = maps(one.get("steps"));
      double stepsMae =
          steps.stream()
              .mapToDouble(step -> number(step.get("mae")))
              .filter(v -> !Double.isNaN(v))
              .average()
              .orElse(Double.NaN);
      Optional<String> differs =
          notMade(target, "meanAbsoluteError", stepsMae, one.get("meanAbsoluteError"), "steps");
      if (differs.isEmpty()) {
        double stepsRmse =
            steps.stream()
                .mapToDouble(step -> number(step.get("rmse")))
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
        differs =
            notMade(
                target,
                "rootMeanSquaredError",
                stepsRmse,
                one.get("rootMeanSquaredError"),
                "steps");
      }
      if (differs.isEmpty()) {
        double stepsMape =
            steps.stream()
                .mapToDouble(step -> number(step.get("mape")))
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
        differs =
            notMade(
                target,
                "meanAbsolutePercentageError",
                stepsMape,
                one.get("meanAbsolutePercentageError"),
                "steps");
      }
      if (differs
          .isEmpty()) { // as ForecastEvaluation makes it: every step counts, an unknown one makes
        // it unknown
        double model =
            steps.stream()
                .mapToDouble(step -> number(step.get("mae")))
                .average()
                .orElse(Double.NaN);
        double naive =
            maps(one.get("seasonalNaiveSteps")).stream()
                .mapToDouble(step -> number(step.get("mae")))
                .average()
                .orElse(Double.NaN);
        differs =
            notMade(
                target,
                "maeRatioToSeasonalNaive",
                model / naive,
                one.get("maeRatioToSeasonalNaive"),
                "steps and the seasonal-naive forecast's");
      }
      List<Map<String, Object>> origins = maps(one.get("rollingOrigins"));
      if (differs.isEmpty() && !origins.isEmpty()) {
        double mae =
            origins.stream()
                .mapToDouble(o -> number(o.get("mae")))
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
        double naive =
            origins.stream()
                .mapToDouble(o -> number(o.get("seasonalNaiveMae")))
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
        differs =
            notMade(
                target,
                "rollingOriginMeanAbsoluteError",
                mae,
                one.get("rollingOriginMeanAbsoluteError"),
                "rolling origins");
        if (differs.isEmpty()) {
          differs =
              notMade(
                  target,
                  "rollingOriginMaeRatioToSeasonalNaive",
                  mae / naive,
                  one.get("rollingOriginMaeRatioToSeasonalNaive"),
                  "rolling origins");
        }
      }
      if (differs.isPresent()) {
        return differs;
      }
    }
    String first = String.valueOf(series.get(0).get("target"));
    Optional<String> differs = Optional.empty();
    for (String inUnits : List.of("meanAbsoluteError", "rootMeanSquaredError")) {
      if (differs.isEmpty() && metrics.containsKey(inUnits)) {
        differs =
            notMade(
                "the model",
                inUnits,
                number(series.get(0).get(inUnits)),
                metrics.get(inUnits),
                "target's figures (" + first + ")");
      }
    }
    for (String measure :
        List.of(
            "maeRatioToSeasonalNaive",
            "rollingOriginMaeRatioToSeasonalNaive",
            "meanAbsolutePercentageError")) {
      if (differs.isPresent() || !metrics.containsKey(measure)) {
        continue;
      }
      double worst = Double.NEGATIVE_INFINITY;
      for (Map<String, Object> one : series) {
        worst =
            Double.isNaN(number(one.get(measure)))
                ? Double.NaN
                : Math.max(worst, number(one.get(measure)));
        if (Double.isNaN(worst)) {
          break;
        }
      }
      differs = notMade("the model", measure, worst, metrics.get(measure), "worst series' figures");
    }
    return differs;
  }

  private static Optional<String> differs(
      String where, String target, String measure, double ours, Object theirs) {
    return same(ours, theirs)
        ? Optional.empty()
        : Optional.of(
            String.format(
                Locale.ROOT,
                "%s of %s rebuilt on the" + " node gives %s %.6f, the figures say %.6f",
                where,
                target,
                measure,
                ours,
                number(theirs)));
  }

  private static Optional<String> notMade(
      String whose, String measure, double made, Object stated, String from) {
    return same(made, stated)
        ? Optional.empty()
        : Optional.of(
            String.format(
                Locale.ROOT,
                "%s's %s %.6f is not the" + " %.6f its %s make",
                whose,
                measure,
                number(stated),
                made,
                from));
  }

  private static boolean same(double ours, Object theirs) {
    double reported = number(theirs);
    return Double.isNaN(ours)
        ? Double.isNaN(reported)
        : Math.abs(ours - reported) <= 1e-9 * Math.max(1, Math.abs(ours));
  }

  /** The figures as JSON reads them (a worker's arrive so; a node's own hold records). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> normalised(Map<String, Object> metrics) {
    return Json.convert(metrics, Map.class);
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Object item : list(value)) {
      if (item instanceof Map<?, ?> map) {
        maps.add((Map<String, Object>) map);
      }
    }
    return maps;
  }
}
