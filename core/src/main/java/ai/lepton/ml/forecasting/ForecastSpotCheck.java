package ai.lepton.ml.forecasting;

import ai.lepton.ml.training.CandidateMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
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

  /**
   * A figure the model is judged on, as the document has it at the top and in each series (null
   * where it has none).
   */
  private record Figure(
      String name,
      Function<CandidateMetrics, Double> ofModel,
      Function<CandidateMetrics.SeriesFigures, Double> ofSeries) {}

  /** The model's figures in units: its target's. */
  private static final List<Figure> IN_UNITS =
      List.of(
          new Figure(
              "meanAbsoluteError",
              CandidateMetrics::meanAbsoluteError,
              CandidateMetrics.SeriesFigures::meanAbsoluteError),
          new Figure(
              "rootMeanSquaredError",
              CandidateMetrics::rootMeanSquaredError,
              CandidateMetrics.SeriesFigures::rootMeanSquaredError));

  /** The model's figures without units: its worst series'. */
  private static final List<Figure> WITHOUT_UNITS =
      List.of(
          new Figure(
              "maeRatioToSeasonalNaive",
              CandidateMetrics::maeRatioToSeasonalNaive,
              CandidateMetrics.SeriesFigures::maeRatioToSeasonalNaive),
          new Figure(
              "rollingOriginMaeRatioToSeasonalNaive",
              CandidateMetrics::rollingOriginMaeRatioToSeasonalNaive,
              CandidateMetrics.SeriesFigures::rollingOriginMaeRatioToSeasonalNaive),
          new Figure(
              "meanAbsolutePercentageError",
              CandidateMetrics::meanAbsolutePercentageError,
              CandidateMetrics.SeriesFigures::meanAbsolutePercentageError));

  private ForecastSpotCheck() {}

  /**
   * The rolling origins one may draw from: as many as the figures report (none for a series too
   * short).
   */
  public static int parts(CandidateMetrics metrics, String target) {
    List<CandidateMetrics.SeriesFigures> series = SeriesFigures.of(metrics, target);
    List<RollingOrigins.Origin> origins = series.isEmpty() ? null : series.get(0).rollingOrigins();
    return origins == null ? 0 : origins.size();
  }

  /** What was rebuilt when origin {@code part} was drawn, as the model's evidence names it. */
  public static String partName(CandidateMetrics metrics, String target, int part) {
    List<RollingOrigins.Origin> origins =
        present(SeriesFigures.of(metrics, target).get(0).rollingOrigins());
    return "the held-out evaluation"
        + (part < origins.size()
            ? " and the rolling origin from " + origins.get(part).firstForecastPeriod()
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
      Instances data, ForecastSpec spec, CandidateMetrics metrics, int part) throws Exception {
    List<CandidateMetrics.SeriesFigures> series = SeriesFigures.of(metrics, spec.target());
    List<String> named = series.stream().map(s -> String.valueOf(s.target())).toList();
    if (!named.equals(spec.targets())) {
      return Optional.of(
          "the figures report the series "
              + named
              + " where the order forecasts "
              + spec.targets());
    }
    Optional<String> why = inconsistency(metrics, series);
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
      Instances data, ForecastSpec spec, List<CandidateMetrics.SeriesFigures> series)
      throws Exception {
    List<ForecastEvaluation> rebuilt = ForecastTrainer.evaluate(data, spec);
    for (int i = 0; i < rebuilt.size(); i++) {
      ForecastEvaluation ours = rebuilt.get(i);
      CandidateMetrics.SeriesFigures theirs = series.get(i);
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
              theirs.meanAbsoluteError());
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
                theirs.rootMeanSquaredError());
      }
      if (differs.isEmpty()) {
        differs =
            differs(
                "the held-out evaluation",
                ours.target(),
                "maeRatioToSeasonalNaive",
                ours.maeRatioToSeasonalNaive(),
                theirs.maeRatioToSeasonalNaive());
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
      Instances data, ForecastSpec spec, List<CandidateMetrics.SeriesFigures> series, int index)
      throws Exception {
    Map<String, RollingOrigins.Origin> rebuilt = RollingOrigins.rebuild(data, spec, index);
    for (CandidateMetrics.SeriesFigures reported : series) {
      String target = String.valueOf(reported.target());
      List<RollingOrigins.Origin> origins = present(reported.rollingOrigins());
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
      RollingOrigins.Origin theirs = origins.get(index);
      String where = "the rolling origin from " + ours.firstForecastPeriod();
      if (!ours.firstForecastPeriod().equals(String.valueOf(theirs.firstForecastPeriod()))) {
        return Optional.of(where + " is reported as one from " + theirs.firstForecastPeriod());
      }
      Optional<String> differs = differs(where, target, "mae", ours.mae(), theirs.mae());
      if (differs.isEmpty()) {
        differs =
            differs(
                where,
                target,
                "seasonalNaiveMae",
                ours.seasonalNaiveMae(),
                theirs.seasonalNaiveMae());
      }
      if (differs.isPresent()) {
        return differs;
      }
    }
    return Optional.empty();
  }

  /** The figures the model is judged on must be the ones its series' parts make. */
  private static Optional<String> inconsistency(
      CandidateMetrics metrics, List<CandidateMetrics.SeriesFigures> series) {
    for (CandidateMetrics.SeriesFigures one : series) {
      String target = String.valueOf(one.target());
      List<StepErrors> steps = present(one.steps());
      double stepsMae =
          steps.stream()
              .mapToDouble(StepErrors::mae)
              .filter(v -> !Double.isNaN(v))
              .average()
              .orElse(Double.NaN);
      Optional<String> differs =
          notMade(target, "meanAbsoluteError", stepsMae, one.meanAbsoluteError(), "steps");
      if (differs.isEmpty()) {
        double stepsRmse =
            steps.stream()
                .mapToDouble(StepErrors::rmse)
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
        differs =
            notMade(target, "rootMeanSquaredError", stepsRmse, one.rootMeanSquaredError(), "steps");
      }
      if (differs.isEmpty()) {
        double stepsMape =
            steps.stream()
                .mapToDouble(StepErrors::mape)
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
        differs =
            notMade(
                target,
                "meanAbsolutePercentageError",
                stepsMape,
                one.meanAbsolutePercentageError(),
                "steps");
      }
      if (differs.isEmpty()) {
        // as ForecastEvaluation makes it: every step counts, an unknown one makes it unknown
        double model = steps.stream().mapToDouble(StepErrors::mae).average().orElse(Double.NaN);
        double naive =
            present(one.seasonalNaiveSteps()).stream()
                .mapToDouble(StepErrors::mae)
                .average()
                .orElse(Double.NaN);
        differs =
            notMade(
                target,
                "maeRatioToSeasonalNaive",
                model / naive,
                one.maeRatioToSeasonalNaive(),
                "steps and the seasonal-naive forecast's");
      }
      List<RollingOrigins.Origin> origins = present(one.rollingOrigins());
      if (differs.isEmpty() && !origins.isEmpty()) {
        double mae = RollingOrigins.meanMae(origins);
        double naive = RollingOrigins.meanSeasonalNaiveMae(origins);
        differs =
            notMade(
                target,
                "rollingOriginMeanAbsoluteError",
                mae,
                one.rollingOriginMeanAbsoluteError(),
                "rolling origins");
        if (differs.isEmpty()) {
          differs =
              notMade(
                  target,
                  "rollingOriginMaeRatioToSeasonalNaive",
                  mae / naive,
                  one.rollingOriginMaeRatioToSeasonalNaive(),
                  "rolling origins");
        }
      }
      if (differs.isPresent()) {
        return differs;
      }
    }
    // a figure the document lacks at the top is read as unknown (NaN): it must be one the parts
    // cannot make either
    CandidateMetrics.SeriesFigures first = series.get(0);
    Optional<String> differs = Optional.empty();
    for (Figure inUnits : IN_UNITS) {
      if (differs.isEmpty()) {
        differs =
            notMade(
                "the model",
                inUnits.name(),
                number(inUnits.ofSeries().apply(first)),
                inUnits.ofModel().apply(metrics),
                "target's figures (" + first.target() + ")");
      }
    }
    for (Figure measure : WITHOUT_UNITS) {
      if (differs.isPresent()) {
        continue;
      }
      double worst = Double.NEGATIVE_INFINITY;
      for (CandidateMetrics.SeriesFigures one : series) {
        double value = number(measure.ofSeries().apply(one));
        worst = Double.isNaN(value) ? Double.NaN : Math.max(worst, value);
        if (Double.isNaN(worst)) {
          break;
        }
      }
      differs =
          notMade(
              "the model",
              measure.name(),
              worst,
              measure.ofModel().apply(metrics),
              "worst series' figures");
    }
    return differs;
  }

  private static Optional<String> differs(
      String where, String target, String measure, double ours, Double theirs) {
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
      String whose, String measure, double made, Double stated, String from) {
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

  private static boolean same(double ours, Double theirs) {
    double reported = number(theirs);
    return Double.isNaN(ours)
        ? Double.isNaN(reported)
        : Math.abs(ours - reported) <= 1e-9 * Math.max(1, Math.abs(ours));
  }

  /** A figure as a number: NaN where the figures have none. */
  private static double number(Double value) {
    return value == null ? Double.NaN : value;
  }

  /** The items a list of the figures has (none for a list they lack). */
  private static <T> List<T> present(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
