package ai.lepton.ml.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.training.AlgorithmSpec;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.timeseries.WekaForecaster;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** A daily series without weekends: with "weekend" skipped, its next periods are trading days. */
class TradingDaysTest {

  /**
   * 52 weeks of weekday sales from Monday 2024-01-01 to Friday 2024-12-27, a weekly pattern on a
   * slow trend.
   */
  private static Instances weekdays() throws Exception {
    Attribute date = new Attribute("Date", "yyyy-MM-dd");
    Instances data =
        new Instances("trading-days", new ArrayList<>(List.of(date, new Attribute("Sales"))), 0);
    Random random = new Random(7);
    LocalDate day = LocalDate.of(2024, 1, 1);
    int t = 0;
    while (data.numInstances() < 260) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        double sales =
            100 + 12 * day.getDayOfWeek().getValue() + 0.1 * t++ + random.nextGaussian() * 3;
        data.add(new DenseInstance(1.0, new double[] {date.parseDate(day.toString()), sales}));
      }
      day = day.plusDays(1);
    }
    return data;
  }

  private static List<String> nextPeriods(Instances data, String skip) throws Exception {
    ForecastSpec spec =
        new ForecastSpec(
            "Sales",
            "Date",
            5,
            List.of(),
            AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
            0,
            skip);
    WekaForecaster forecaster = ForecastTrainer.configure(data, spec);
    forecaster.buildForecaster(data);
    forecaster.primeForecaster(data);
    Attribute date = data.attribute("Date");
    double at = data.lastInstance().value(date);
    List<String> periods = new ArrayList<>();
    for (int step = 0; step < 5; step++) {
      at = forecaster.getTSLagMaker().advanceSuppliedTimeValue(at);
      periods.add(date.formatDate(at));
    }
    return periods;
  }

  @Test
  void weekendsSkippedTheNextPeriodsAreTradingDays() throws Exception {
    Instances data = weekdays();
    assertThat(data.attribute("Date").formatDate(data.lastInstance().value(0)))
        .isEqualTo("2024-12-27");
    assertThat(nextPeriods(data, "weekend"))
        .containsExactly("2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02", "2025-01-03");
    assertThat(nextPeriods(data, null))
        .first()
        .isEqualTo("2024-12-28"); // a Saturday, without the skip list
  }

  @Test
  void aTradingDaySeriesIsEvaluatedTimeOrderedWithTheSkipList() throws Exception {
    ForecastEvaluation evaluation =
        ForecastTrainer.evaluate(
                weekdays(),
                new ForecastSpec(
                    "Sales",
                    "Date",
                    5,
                    List.of(),
                    AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
                    0,
                    "weekend"))
            .get(0);
    assertThat(evaluation.periodicity()).isEqualTo("DAILY");
    assertThat(evaluation.model())
        .hasSize(5)
        .allSatisfy(step -> assertThat(step.mae()).isLessThan(15));
  }
}
