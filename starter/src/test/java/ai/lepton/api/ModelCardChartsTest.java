package ai.lepton.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.card.ModelCard;
import ai.lepton.ml.card.ModelCardBuilder;
import ai.lepton.ml.forecasting.RollingOrigins;
import ai.lepton.ml.monitoring.MonitoringCheck;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CandidateMetrics;
import ai.lepton.ml.training.CrossValidationTrainer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/**
 * The card's drawings from real cross-validation runs on credit-g: a classifier and a regression.
 */
class ModelCardChartsTest {

  @Test
  void aForecastCardDrawsTheHeldOutMonthsAndTheErrorByStep() throws Exception {
    Instances wine = ai.lepton.ml.RealData.arff("wine");
    Map<String, Object> trained =
        ai.lepton.ml.forecasting.ForecastTrainer.train(
                wine,
                new ai.lepton.ml.forecasting.ForecastSpec(
                    "Fortified",
                    "Date",
                    6,
                    List.of(),
                    AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
                    0))
            .metrics();
    Map<String, Object> stored =
        ai.lepton.ml.Json.readMap(ai.lepton.ml.Json.write(trained)); // as the registry keeps it

    List<Map<String, Object>> charts =
        ModelCardCharts.forecast(ModelCardBuilder.validation(stored, "Fortified"));
    assertThat(charts).hasSize(1);
    Map<String, Object> chart = charts.get(0);

    String[] actual = chart.get("actual").toString().split(" ");
    assertThat(actual)
        .hasSize(12)
        .allSatisfy(
            point -> {
              assertThat(Double.parseDouble(point.split(",")[0])).isBetween(40.0, 320.0);
              assertThat(Double.parseDouble(point.split(",")[1])).isBetween(10.0, 290.0);
            });
    assertThat(chart.get("forecast").toString().split(" ")).hasSize(12);
    assertThat(chart).containsEntry("first", "1994-08-01").containsEntry("last", "1995-07-01");
    assertThat((List<?>) chart.get("steps")).hasSize(6);
    // four origins six months apart, the last one six months before the end of the series
    @SuppressWarnings("unchecked")
    List<RollingOrigins.Origin> origins = (List<RollingOrigins.Origin>) chart.get("rollingOrigins");
    assertThat(origins)
        .hasSize(4)
        .extracting(RollingOrigins.Origin::firstForecastPeriod)
        .containsExactly("1993-08-01", "1994-02-01", "1994-08-01", "1995-02-01");
    assertThat(origins).allSatisfy(o -> assertThat(o.mae()).isPositive());
    assertThat(stored)
        .containsKeys("rollingOriginMeanAbsoluteError", "rollingOriginMaeRatioToSeasonalNaive");
    assertThat(ModelCardCharts.forecast(CandidateMetrics.of(Map.of("pctCorrect", 70.0)))).isEmpty();

    // a version registered before forecasters kept several series: its one series' figures beside
    // the settings
    @SuppressWarnings("unchecked")
    Map<String, Object> series =
        new java.util.LinkedHashMap<>((Map<String, Object>) stored.get("forecast"));
    @SuppressWarnings("unchecked")
    Map<String, Object> only = ((List<Map<String, Object>>) series.remove("targets")).get(0);
    for (String key : List.of("steps", "seasonalNaiveSteps", "heldOut", "rollingOrigins")) {
      series.put(key, only.get(key));
    }
    Map<String, Object> before = new java.util.LinkedHashMap<>(stored);
    before.put("forecast", series);
    Map<String, Object> old =
        ModelCardCharts.forecast(ModelCardBuilder.validation(before, "Fortified")).get(0);
    assertThat(old)
        .containsEntry("target", "Fortified")
        .containsEntry("actual", chart.get("actual"))
        .containsEntry("rollingOrigins", chart.get("rollingOrigins"));
  }

  @Test
  void aForecasterOfSeveralSeriesDrawsEachOne() throws Exception {
    Instances wine = ai.lepton.ml.RealData.arff("wine");
    Map<String, Object> stored =
        ai.lepton.ml.Json.readMap(
            ai.lepton.ml.Json.write(
                ai.lepton.ml.forecasting.ForecastTrainer.train(
                        wine,
                        new ai.lepton.ml.forecasting.ForecastSpec(
                            List.of("Fortified", "Dry-white"),
                            "Date",
                            3,
                            List.of(),
                            AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
                            0,
                            null))
                    .metrics()));

    List<Map<String, Object>> charts =
        ModelCardCharts.forecast(ModelCardBuilder.validation(stored, "Fortified"));

    assertThat(charts).extracting(c -> c.get("target")).containsExactly("Fortified", "Dry-white");
    assertThat(charts)
        .allSatisfy(
            c -> {
              assertThat(c.get("actual").toString().split(" ")).hasSize(12);
              assertThat((List<?>) c.get("steps")).hasSize(3);
            });
    assertThat(charts.get(0).get("actual")).isNotEqualTo(charts.get(1).get("actual"));
  }

  @Test
  void aRegressionCardPlotsPredictedAgainstActualInsideThePlotArea() throws Exception {
    Instances data = creditG();
    data.setClass(data.attribute("credit_amount"));
    Map<String, Object> metrics =
        CrossValidationTrainer.train(
                data, AlgorithmSpec.parse("weka.classifiers.trees.REPTree"), 10, 1)
            .metrics();

    Map<String, Object> scatter = ModelCardCharts.scatter(CandidateMetrics.of(metrics));

    @SuppressWarnings("unchecked")
    List<Map<String, String>> dots = (List<Map<String, String>>) scatter.get("dots");
    assertThat(dots).hasSizeBetween(250, 340);
    assertThat(dots)
        .allSatisfy(
            dot -> {
              assertThat(Double.parseDouble(dot.get("cx"))).isBetween(40.0, 320.0);
              assertThat(Double.parseDouble(dot.get("cy"))).isBetween(10.0, 290.0);
            });
    assertThat(ModelCardCharts.roc(CandidateMetrics.of(metrics))).isEmpty();
    assertThat(ModelCardCharts.confusion(CandidateMetrics.of(metrics))).isNull();
  }

  @Test
  void aClassifierCardHasOneRocCurvePerClassAndAFullConfusionMatrix() throws Exception {
    Instances data = creditG();
    Map<String, Object> metrics =
        CrossValidationTrainer.train(
                data, AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayes"), 10, 1)
            .metrics();

    List<Map<String, Object>> roc = ModelCardCharts.roc(CandidateMetrics.of(metrics));
    assertThat(roc).extracting(line -> line.get("label")).containsExactly("good", "bad");
    assertThat(roc.get(0).get("points").toString().split(" ")).hasSizeGreaterThan(10);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cells =
        (List<Map<String, Object>>)
            ModelCardCharts.confusion(CandidateMetrics.of(metrics)).get("cells");
    assertThat(cells).hasSize(4);
    assertThat(cells.stream().mapToInt(c -> Integer.parseInt((String) c.get("count"))).sum())
        .isEqualTo(1000);
  }

  private static Instances creditG() {
    return ai.lepton.ml.RealData.creditG();
  }

  @Test
  void theDriftChartColoursEachAttributeByItsBandAndCapsTheScale() {
    Map<String, Object> older =
        new java.util.HashMap<>(
            Map.of(
                "checkedAt",
                "2026-11-01T00:00:00Z",
                "maxPsi",
                0.05,
                "recentAccuracy",
                0.80,
                "baselineAccuracy",
                0.80,
                "psiBands",
                Map.of("moderate", 0.1, "significant", 0.25)));
    Map<String, Object> latest = new java.util.HashMap<>(older);
    latest.put("checkedAt", "2026-11-02T00:00:00Z");
    latest.put("maxPsi", 4.6);
    latest.put("recentAccuracy", 0.5);
    ModelCard.Monitoring monitoring =
        new ModelCard.Monitoring(
            List.of(MonitoringCheck.of(latest), MonitoringCheck.of(older)),
            "2 monitoring check(s)",
            List.of(
                drift("tenure", 0.02),
                drift("contract", 0.15),
                drift("female", 4.6),
                drift("empty", Double.NaN)));

    Map<String, Object> chart = ModelCardCharts.drift(monitoring);

    @SuppressWarnings("unchecked")
    List<Map<String, String>> bars = (List<Map<String, String>>) chart.get("bars");
    assertThat(bars)
        .extracting(b -> b.get("label"))
        .containsExactly("tenure", "contract", "female");
    assertThat(bars)
        .extracting(b -> b.get("fill"))
        .containsExactly("#2ca02c", "#ff7f0e", "#d62728");
    assertThat(bars.get(2).get("width")).isEqualTo("320.0");
    assertThat(bars.get(2).get("value")).isEqualTo("4.600");
    assertThat(chart.get("moderateX")).isEqualTo("214.0");
    assertThat(chart.get("significantX")).isEqualTo("310.0");
    @SuppressWarnings("unchecked")
    Map<String, Object> trend = (Map<String, Object>) chart.get("trend");
    // oldest first: PSI 0.05 then 4.6 capped at 1 (y 10); accuracy 0.8 then 0.5
    assertThat(trend.get("psi")).isEqualTo("40.0,276.0 320.0,10.0");
    assertThat(trend.get("accuracy")).isEqualTo("40.0,66.0 320.0,150.0");
    assertThat(trend.get("baselineY")).isEqualTo("66.0");
    assertThat(ModelCardCharts.drift(new ModelCard.Monitoring(List.of(), "none", List.of())))
        .isNull();
  }

  private static MonitoringCheck.AttributeDrift drift(String attribute, double psi) {
    return new MonitoringCheck.AttributeDrift(
        attribute, "numeric", psi, null, null, 100, 100, null, null);
  }
}
