package ai.lepton.ml.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.lepton.ml.training.AlgorithmSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.timeseries.WekaForecaster;
import weka.classifiers.timeseries.eval.TSEvaluation;
import weka.core.Instances;

/**
 * Lepton's time-ordered evaluation of a forecaster equals what Weka's forecasting package prints
 * for the same configuration, set up here by hand: Australian fortified wine sales, monthly, lags
 * 1..12, month and quarter, the last 12 months held out, 1..12 steps ahead.
 */
class ForecastParityTest {

  static Instances wine() {
    return ai.lepton.ml.RealData.arff("wine");
  }

  /**
   * The forecasting package's own evaluation, set up by hand: Fortified by month, lags 1..12, month
   * and quarter, the last 12 months held out, 1..horizon steps ahead.
   */
  private static String packagesOwnSummary(
      weka.classifiers.Classifier learner, String overlay, int horizon) throws Exception {
    WekaForecaster byHand = ByHand.monthly(learner, "Fortified");
    if (overlay != null) {
      byHand.setOverlayFields(overlay);
    }
    TSEvaluation weka = new TSEvaluation(wine(), 12);
    weka.setHorizon(horizon);
    weka.setPrimeWindowSize(12);
    weka.setEvaluateOnTrainingData(false);
    weka.setEvaluateOnTestData(true);
    weka.setEvaluationModules("MAE,RMSE,MAPE");
    weka.evaluateForecaster(byHand, true);
    return weka.toSummaryString();
  }

  /** Rows "Mean absolute error" etc. of TSEvaluation's summary: one figure per step ahead. */
  private static double[] row(String summary, String label) {
    String line = summary.lines().filter(l -> l.trim().startsWith(label)).findFirst().orElseThrow();
    return Arrays.stream(line.trim().substring(label.length()).trim().split("\\s+"))
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "weka.classifiers.functions.LinearRegression",
        "weka.classifiers.trees.M5P",
        "weka.classifiers.functions.SMOreg"
      })
  void stepErrorsEqualTheForecastingPackagesOwnEvaluation(String learner) throws Exception {
    Instances wine = wine();
    ForecastEvaluation lepton =
        ForecastTrainer.evaluate(
                wine,
                new ForecastSpec(
                    "Fortified", "Date", 12, List.of(), AlgorithmSpec.parse(learner), 0))
            .get(0);

    String summary =
        packagesOwnSummary(AbstractClassifier.forName(learner, new String[0]), null, 12);

    assertThat(lepton.periodicity()).isEqualTo("MONTHLY");
    assertThat(lepton.trainingPeriods()).isEqualTo(wine.numInstances() - 12);
    double[] mae = row(summary, "Mean absolute error");
    double[] rmse = row(summary, "Root mean squared error");
    double[] mape = row(summary, "Mean absolute percentage error");
    double[] count = row(summary, "N");
    for (int step = 1; step <= 12; step++) {
      StepErrors ours = lepton.model().get(step - 1);
      assertThat(ours.count()).as("N at step %d", step).isEqualTo((int) count[step - 1]);
      assertThat(ours.mae())
          .as("MAE at step %d", step)
          .isCloseTo(mae[step - 1], within(0.00005 + 1e-9 * mae[step - 1]));
      assertThat(ours.rmse())
          .as("RMSE at step %d", step)
          .isCloseTo(rmse[step - 1], within(0.00005 + 1e-9 * rmse[step - 1]));
      assertThat(ours.mape())
          .as("MAPE at step %d", step)
          .isCloseTo(mape[step - 1], within(0.00005));
    }
  }

  /**
   * Several series forecast jointly (fortified and red wine, each one's lags an input of the
   * other's forecast): each series' errors step by step equal the package's own evaluation of the
   * same joint forecaster, and each rolling origin equals the joint forecaster rebuilt by hand at
   * that origin.
   */
  @Test
  void severalSeriesForecastJointlyEqualThePackagesOwnFiguresForEachSeries() throws Exception {
    Instances wine = wine();
    AlgorithmSpec linear = AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression");
    ForecastSpec spec =
        new ForecastSpec(List.of("Fortified", "Red"), "Date", 6, List.of(), linear, 0, null);
    List<ForecastEvaluation> lepton = ForecastTrainer.evaluate(wine, spec);
    assertThat(lepton).extracting(ForecastEvaluation::target).containsExactly("Fortified", "Red");

    WekaForecaster byHand = ByHand.monthly(linear.newClassifier(), "Fortified,Red");
    TSEvaluation weka = new TSEvaluation(wine, 12);
    weka.setHorizon(6);
    weka.setPrimeWindowSize(12);
    weka.setEvaluateOnTrainingData(false);
    weka.setEvaluateOnTestData(true);
    weka.setEvaluationModules("MAE,RMSE,MAPE");
    weka.evaluateForecaster(byHand, true);
    String summary = weka.toSummaryString();
    for (ForecastEvaluation series : lepton) {
      double[] mae = row(summary, series.target(), "Mean absolute error");
      double[] rmse = row(summary, series.target(), "Root mean squared error");
      for (int step = 1; step <= 6; step++) {
        assertThat(series.model().get(step - 1).mae())
            .as("%s MAE at step %d", series.target(), step)
            .isCloseTo(mae[step - 1], within(0.00005 + 1e-9 * mae[step - 1]));
        assertThat(series.model().get(step - 1).rmse())
            .as("%s RMSE at step %d", series.target(), step)
            .isCloseTo(rmse[step - 1], within(0.00005 + 1e-9 * rmse[step - 1]));
      }
    }
    // the joint forecaster is not two forecasters: Red's figures differ from Red forecast on its
    // own
    ForecastEvaluation redAlone =
        ForecastTrainer.evaluate(wine, new ForecastSpec("Red", "Date", 6, List.of(), linear, 0))
            .get(0);
    assertThat(lepton.get(1).model().get(0).mae())
        .isNotCloseTo(redAlone.model().get(0).mae(), within(1e-6));

    java.util.Map<String, List<RollingOrigins.Origin>> origins =
        RollingOrigins.evaluate(wine, spec);
    assertThat(origins.keySet()).containsExactly("Fortified", "Red");
    int last = wine.numInstances() - 6;
    WekaForecaster atLastOrigin = ByHand.monthly(linear.newClassifier(), "Fortified,Red");
    Instances past = new Instances(wine, 0, last);
    atLastOrigin.buildForecaster(past);
    atLastOrigin.primeForecaster(past);
    List<List<weka.classifiers.evaluation.NumericPrediction>> forecast = atLastOrigin.forecast(6);
    for (int position = 0; position < 2; position++) {
      String target = position == 0 ? "Fortified" : "Red";
      int index = wine.attribute(target).index();
      double absolute = 0;
      int counted = 0;
      for (int step = 0; step < 6; step++) {
        double actual = wine.instance(last + step).value(index);
        if (!Double.isNaN(actual)) {
          absolute += Math.abs(actual - forecast.get(step).get(position).predicted());
          counted++;
        }
      }
      RollingOrigins.Origin lastOrigin = origins.get(target).get(origins.get(target).size() - 1);
      assertThat(lastOrigin.trainingPeriods()).isEqualTo(last);
      assertThat(lastOrigin.mae())
          .as("%s at the last origin", target)
          .isCloseTo(absolute / counted, within(1e-9));
    }
  }

  /**
   * The trained model keeps each series' figures; its own are the target's in units, the worst
   * series' without.
   */
  @Test
  void aJointForecasterIsJudgedByItsWorstSeries() throws Exception {
    Instances wine = wine();
    java.util.Map<String, Object> metrics =
        ai.lepton.ml.Json.readMap(
            ai.lepton.ml.Json.write(
                ForecastTrainer.train(
                        wine,
                        new ForecastSpec(
                            List.of("Fortified", "Red"),
                            "Date",
                            6,
                            List.of(),
                            AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
                            0,
                            null))
                    .metrics()));
    ai.lepton.ml.training.CandidateMetrics typed =
        ai.lepton.ml.training.CandidateMetrics.of(metrics);
    List<ai.lepton.ml.training.CandidateMetrics.SeriesFigures> series =
        SeriesFigures.of(typed, "Fortified");
    assertThat(series).extracting(s -> s.target()).containsExactly("Fortified", "Red");
    double fortified = series.get(0).maeRatioToSeasonalNaive();
    double red = series.get(1).maeRatioToSeasonalNaive();
    assertThat(((Number) metrics.get("maeRatioToSeasonalNaive")).doubleValue())
        .isEqualTo(Math.max(fortified, red));
    assertThat(metrics.get("meanAbsoluteError")).isEqualTo(series.get(0).meanAbsoluteError());
    assertThat(SeriesFigures.approvedMae(typed, "Fortified")).containsOnlyKeys("Fortified", "Red");
    System.out.printf(
        "wine Fortified and Red jointly, LinearRegression, 6 months ahead: MAE ratio to seasonal naive"
            + " %.3f and %.3f%n",
        fortified, red);
  }

  /** A series forecast with the target must be a number, and neither the date nor an overlay. */
  @Test
  void aSeriesThatIsNotANumberOrIsAnInputIsRefused() throws Exception {
    Instances wine = wine();
    AlgorithmSpec linear = AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression");
    assertThatThrownBy(
            () ->
                ForecastTrainer.configure(
                    wine,
                    new ForecastSpec(
                        List.of("Fortified", "Merlot"), "Date", 6, List.of(), linear, 0, null)))
        .hasMessageContaining("'Merlot' is not a numeric attribute");
    assertThatThrownBy(
            () ->
                ForecastTrainer.configure(
                    wine,
                    new ForecastSpec(
                        List.of("Fortified", "Red"), "Date", 6, List.of("Red"), linear, 0, null)))
        .hasMessageContaining("'Red' cannot be both forecast and an input");
  }

  /**
   * A row of the summary within one target's block (a summary of several series lists each under
   * its name).
   */
  private static double[] row(String summary, String target, String label) {
    List<String> lines = summary.lines().toList();
    int from = 0;
    while (from < lines.size() && !lines.get(from).trim().equals(target)) {
      from++;
    }
    assertThat(from).as("a block for %s in%n%s", target, summary).isLessThan(lines.size());
    return row(String.join("\n", lines.subList(from, lines.size())), label);
  }

  /**
   * Overlays: another column given as known in advance (here the red wine series, to exercise the
   * mechanics).
   */
  @Test
  void anOverlayInputIsUsedAsThePackageUsesIt() throws Exception {
    Instances wine = wine();
    AlgorithmSpec linear = AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression");
    ForecastEvaluation lepton =
        ForecastTrainer.evaluate(
                wine, new ForecastSpec("Fortified", "Date", 6, List.of("Red"), linear, 0))
            .get(0);
    double[] mae = row(packagesOwnSummary(linear.newClassifier(), "Red", 6), "Mean absolute error");
    for (int step = 1; step <= 6; step++) {
      assertThat(lepton.model().get(step - 1).mae())
          .as("MAE at step %d", step)
          .isCloseTo(mae[step - 1], within(0.00005 + 1e-9 * mae[step - 1]));
    }
    assertThat(
            ForecastTrainer.configure(
                    wine, new ForecastSpec("Fortified", "Date", 6, List.of("Red"), linear, 0))
                .isUsingOverlayData())
        .isTrue();
  }

  /**
   * Rolling origins: at each origin the forecaster is rebuilt on every month before it, by hand
   * here exactly as the package is used, and its 12 forecasts are compared with the 12 months that
   * followed.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"weka.classifiers.functions.LinearRegression", "weka.classifiers.trees.M5P"})
  void eachRollingOriginIsAForecasterRebuiltOnThePastAsThePackageBuildsIt(String learner)
      throws Exception {
    Instances wine = wine();
    List<RollingOrigins.Origin> origins =
        RollingOrigins.evaluate(
                wine,
                new ForecastSpec(
                    "Fortified", "Date", 12, List.of(), AlgorithmSpec.parse(learner), 0))
            .get("Fortified");
    assertThat(origins).hasSize(RollingOrigins.ORIGINS);
    int target = wine.attribute("Fortified").index();
    for (int k = 0; k < origins.size(); k++) {
      int cut = wine.numInstances() - (RollingOrigins.ORIGINS - k) * 12;
      RollingOrigins.Origin origin = origins.get(k);
      assertThat(origin.trainingPeriods()).isEqualTo(cut);
      assertThat(origin.firstForecastPeriod())
          .isEqualTo(
              wine.attribute("Date").formatDate(wine.instance(cut).value(wine.attribute("Date"))));
      WekaForecaster byHand =
          ByHand.monthly(AbstractClassifier.forName(learner, new String[0]), "Fortified");
      Instances past = new Instances(wine, 0, cut);
      byHand.buildForecaster(past);
      byHand.primeForecaster(past);
      List<List<weka.classifiers.evaluation.NumericPrediction>> forecast = byHand.forecast(12);
      double absolute = 0;
      int counted = 0;
      for (int step = 0; step < 12; step++) {
        double actual = wine.instance(cut + step).value(target);
        if (!Double.isNaN(actual)) {
          absolute += Math.abs(actual - forecast.get(step).get(0).predicted());
          counted++;
        }
      }
      assertThat(origin.periods()).isEqualTo(counted);
      assertThat(origin.mae())
          .as("origin %s", origin.firstForecastPeriod())
          .isCloseTo(absolute / counted, within(1e-9));
    }
    System.out.printf(
        "wine Fortified, %s, rolling origins: MAE %.1f against seasonal naive %.1f (%s)%n",
        learner.substring(learner.lastIndexOf('.') + 1),
        RollingOrigins.meanMae(origins),
        RollingOrigins.meanSeasonalNaiveMae(origins),
        origins);
    // a series too short for any origin gives none, and the held-out evaluation still stands
    assertThat(
            RollingOrigins.evaluate(
                new Instances(wine, 0, 30),
                new ForecastSpec(
                    "Fortified", "Date", 12, List.of(), AlgorithmSpec.parse(learner), 0)))
        .containsExactly(java.util.Map.entry("Fortified", List.of()));
  }

  @Test
  void theSeasonalNaiveBaselineIsTheSameMonthAYearEarlierOnTheSamePeriods() throws Exception {
    Instances wine = wine();
    ForecastEvaluation lepton =
        ForecastTrainer.evaluate(
                wine,
                new ForecastSpec(
                    "Fortified",
                    "Date",
                    3,
                    List.of(),
                    AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
                    0))
            .get(0);
    int target = wine.attribute("Fortified").index();
    int rows = wine.numInstances();
    // 1 step ahead over the 12 held-out months: each month against the same month a year before
    List<Double> errors = new ArrayList<>();
    for (int row = rows - 12; row < rows; row++) {
      double actual = wine.instance(row).value(target);
      double lastYear = wine.instance(row - 12).value(target);
      if (!Double.isNaN(actual) && !Double.isNaN(lastYear)) {
        errors.add(Math.abs(actual - lastYear));
      }
    }
    StepErrors naive = lepton.seasonalNaive().get(0);
    assertThat(naive.count()).isEqualTo(errors.size());
    assertThat(naive.mae())
        .isCloseTo(
            errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
    System.out.printf(
        "wine Fortified, LinearRegression: 1-step MAE %.1f vs seasonal naive %.1f (ratio over 3 steps"
            + " %.2f)%n",
        lepton.model().get(0).mae(), naive.mae(), lepton.maeRatioToSeasonalNaive());
  }

  @Test
  void aSeriesWithoutADateOrTooShortIsRefusedWithTheReason() throws Exception {
    Instances wine = wine();
    AlgorithmSpec linear = AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression");
    assertThatThrownBy(
            () ->
                ForecastTrainer.evaluate(
                    wine, new ForecastSpec("Fortified", "Red", 12, List.of(), linear, 0)))
        .hasMessageContaining("'Red' is not a date attribute");
    Instances shortSeries = new Instances(wine, 0, 30);
    assertThatThrownBy(
            () ->
                ForecastTrainer.evaluate(
                    shortSeries, new ForecastSpec("Fortified", "Date", 12, List.of(), linear, 0)))
        .hasMessageContaining("too few to learn from 12 lags");
  }
}
