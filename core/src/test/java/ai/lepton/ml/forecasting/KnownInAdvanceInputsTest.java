package ai.lepton.ml.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.TrainingResult;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.timeseries.WekaForecaster;
import weka.classifiers.timeseries.eval.TSEvaluation;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * Inputs known in advance on real data: road casualties in Great Britain 1969-1984 ({@code
 * seatbelts.arff}). The compulsory seat-belt law came into force on 31 January 1983, a date known
 * before it came, and petrol prices are set ahead of the month they apply to; front-seat passengers
 * killed or seriously injured fell by about a quarter with the law.
 */
class KnownInAdvanceInputsTest {

  private static final AlgorithmSpec LINEAR =
      AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression");

  static Instances seatbelts() {
    return ai.lepton.ml.RealData.arff("seatbelts");
  }

  private static double meanMae(ForecastEvaluation evaluation) {
    return evaluation.model().stream().mapToDouble(StepErrors::mae).average().orElseThrow();
  }

  /**
   * 1984 held out, forecast 1..12 months ahead from the series to December 1983: with the law and
   * the petrol price as inputs the error is about half of what it is without them, and below the
   * seasonal-naive forecast's; the figures equal the package's own evaluation of the same
   * forecaster built by hand.
   */
  @Test
  void theLawAndThePetrolPriceKnownInAdvanceHalveTheErrorOfFrontSeatCasualties() throws Exception {
    Instances roads = seatbelts();
    ForecastEvaluation without =
        ForecastTrainer.evaluate(roads, new ForecastSpec("front", "Date", 12, List.of(), LINEAR, 0))
            .get(0);
    ForecastEvaluation with =
        ForecastTrainer.evaluate(
                roads,
                new ForecastSpec("front", "Date", 12, List.of("law", "PetrolPrice"), LINEAR, 0))
            .get(0);

    assertThat(with.trainingPeriods())
        .isEqualTo(180); // January 1969 to December 1983: the law in force 11 months
    assertThat(meanMae(with)).isLessThan(0.6 * meanMae(without));
    assertThat(with.maeRatioToSeasonalNaive()).isLessThan(1.0);
    assertThat(without.maeRatioToSeasonalNaive()).isGreaterThan(1.0);

    WekaForecaster byHand = ByHand.monthly(LINEAR.newClassifier(), "front");
    byHand.setOverlayFields("law,PetrolPrice");
    TSEvaluation weka = new TSEvaluation(roads, 12);
    weka.setHorizon(12);
    weka.setPrimeWindowSize(12);
    weka.setEvaluateOnTrainingData(false);
    weka.setEvaluateOnTestData(true);
    weka.setEvaluationModules("MAE,RMSE");
    weka.evaluateForecaster(byHand, true);
    String line =
        weka.toSummaryString()
            .lines()
            .filter(l -> l.trim().startsWith("Mean absolute error"))
            .findFirst()
            .orElseThrow();
    double[] mae =
        Arrays.stream(line.trim().substring("Mean absolute error".length()).trim().split("\\s+"))
            .mapToDouble(Double::parseDouble)
            .toArray();
    for (int step = 1; step <= 12; step++) {
      assertThat(with.model().get(step - 1).mae())
          .as("MAE at step %d", step)
          .isCloseTo(mae[step - 1], within(0.00005 + 1e-9 * mae[step - 1]));
    }
    System.out.printf(
        "front-seat casualties, 1984 held out, LinearRegression: MAE %.1f without inputs known in"
            + " advance (%.2f of seasonal naive), %.1f with the law and the petrol price (%.2f)%n",
        meanMae(without),
        without.maeRatioToSeasonalNaive(),
        meanMae(with),
        with.maeRatioToSeasonalNaive());
  }

  /**
   * Maintenance of a forecaster with inputs known in advance: the actuals the client sends carry
   * each month's law and petrol price, and the live forecaster is checked on exactly the forecast
   * those inputs give, month by month.
   */
  @Test
  void aForecasterWithInputsKnownInAdvanceIsCheckedWithTheInputsThatCameWithTheActuals()
      throws Exception {
    Instances roads = seatbelts();
    Instances toEnd1983 = new Instances(roads, 0, 180);
    Instances year1984 = new Instances(roads, 180, 12);
    TrainingResult trained =
        ForecastTrainer.train(
            toEnd1983,
            new ForecastSpec("front", "Date", 12, List.of("law", "PetrolPrice"), LINEAR, 0));
    Object[] file = SerializationHelper.readAll(new ByteArrayInputStream(trained.modelBytes()));
    WekaForecaster live = (WekaForecaster) file[0];
    Instances history = (Instances) file[1];
    double approved = ((Number) trained.metrics().get("meanAbsoluteError")).doubleValue();

    Map<String, Object> check =
        ForecastAccuracy.check(live, history, Map.of("front", approved), List.of(year1984));

    assertThat(check)
        .containsEntry("forecastTarget", "front")
        .containsEntry("forecastPeriodsChecked", 12);
    // the same forecaster, primed by hand and given 1984's law and petrol price with the casualties
    // unknown
    WekaForecaster again =
        (WekaForecaster)
            SerializationHelper.readAll(new ByteArrayInputStream(trained.modelBytes()))[0];
    again.primeForecaster(history);
    Instances inputs = new Instances(year1984);
    int front = inputs.attribute("front").index();
    inputs.forEach(row -> row.setValue(front, Utils.missingValue()));
    List<List<NumericPrediction>> expected = again.forecast(12, inputs);
    double absolute = 0;
    for (int month = 0; month < 12; month++) {
      absolute +=
          Math.abs(year1984.instance(month).value(front) - expected.get(month).get(0).predicted());
    }
    assertThat((Double) check.get("recentForecastMae")).isCloseTo(absolute / 12, within(1e-9));

    // months whose inputs have not come: the check reaches as far as the inputs do, unbroken
    Instances withoutPrices = new Instances(year1984);
    int price = withoutPrices.attribute("PetrolPrice").index();
    for (int month = 6; month < 12; month++) {
      withoutPrices.instance(month).setValue(price, Utils.missingValue());
    }
    assertThat(
            ForecastAccuracy.check(
                live, history, Map.of("front", approved), List.of(withoutPrices)))
        .containsEntry("forecastPeriodsChecked", 6);
    System.out.printf(
        "front-seat casualties in 1984 against the forecaster trained to 1983: MAE %.1f, approved %.1f%n",
        check.get("recentForecastMae"), approved);
  }
}
