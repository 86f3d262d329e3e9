package ai.lepton.ml.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.Json;
import ai.lepton.ml.RealData;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CandidateMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each series' figures read from a forecaster's stored metrics, and from the metrics of a version
 * registered before models forecast several series (its one series' figures at the top, its steps,
 * held-out periods and rolling origins beside the series settings).
 */
class SeriesFiguresTest {

  @Test
  void aVersionOfOneSeriesFromBeforeSeveralSeriesIsReadAsOneSeries() {
    Map<String, Object> stored =
        Json.readMap(
            Json.write(
                ForecastTrainer.train(
                        RealData.arff("wine"),
                        new ForecastSpec(
                            "Fortified",
                            "Date",
                            6,
                            List.of(),
                            AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
                            0))
                    .metrics()));
    CandidateMetrics.SeriesFigures now =
        SeriesFigures.of(CandidateMetrics.of(stored), "Fortified").get(0);

    @SuppressWarnings("unchecked")
    Map<String, Object> series = new LinkedHashMap<>((Map<String, Object>) stored.get("forecast"));
    @SuppressWarnings("unchecked")
    Map<String, Object> only = ((List<Map<String, Object>>) series.remove("targets")).get(0);
    for (String key : List.of("steps", "seasonalNaiveSteps", "heldOut", "rollingOrigins")) {
      series.put(key, only.get(key));
    }
    Map<String, Object> before = new LinkedHashMap<>(stored);
    before.put("forecast", series);

    CandidateMetrics old = CandidateMetrics.strictly(before);
    assertThat(SeriesFigures.of(old, "Fortified")).containsExactly(now);
    assertThat(now.steps()).hasSize(6);
    assertThat(now.rollingOrigins()).hasSize(RollingOrigins.ORIGINS);
    assertThat(SeriesFigures.approvedMae(old, "Fortified"))
        .containsExactly(Map.entry("Fortified", now.meanAbsoluteError()));

    // without its steps and origins, and without a figure: none, and unknown
    series.keySet().removeAll(List.of("steps", "rollingOrigins"));
    before.remove("meanAbsoluteError");
    CandidateMetrics.SeriesFigures bare =
        SeriesFigures.of(CandidateMetrics.of(before), "Fortified").get(0);
    assertThat(bare.steps()).isEmpty();
    assertThat(bare.rollingOrigins()).isEmpty();
    assertThat(bare.heldOut()).hasSize(12);
    assertThat(SeriesFigures.approvedMae(CandidateMetrics.of(before), "Fortified"))
        .containsExactly(Map.entry("Fortified", Double.NaN));

    assertThat(SeriesFigures.of(CandidateMetrics.of(Map.of("pctCorrect", 70.0)), "class"))
        .isEmpty();
  }

  @Test
  void aStepOrAnOriginWithoutItsErrorHasAnUnknownOne() {
    CandidateMetrics metrics =
        CandidateMetrics.of(
            Json.readMap(
                """
                {"forecast": {"targets": [{"target": "Red",
                  "steps": [{"step": 1, "count": 12, "rmse": null, "mape": "NaN"}],
                  "rollingOrigins": [{"firstForecastPeriod": "1994-08-01"}]}]}}
                """));
    CandidateMetrics.SeriesFigures red = metrics.forecast().series("Red").orElseThrow();
    assertThat(red.steps())
        .containsExactly(new StepErrors(1, 12, Double.NaN, Double.NaN, Double.NaN));
    assertThat(red.rollingOrigins())
        .containsExactly(new RollingOrigins.Origin("1994-08-01", 0, 0, Double.NaN, Double.NaN));
  }
}
