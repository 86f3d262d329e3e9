package ai.lepton.ml.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.Json;
import ai.lepton.ml.RealData;
import ai.lepton.ml.training.AlgorithmSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/**
 * A forecaster's figures handed back by a standalone worker, checked on the node by rebuilding the
 * held-out evaluation and one rolling origin: Australian fortified and red wine sales forecast
 * jointly, LinearRegression, six months ahead. The figures arrive as JSON, as a worker sends them.
 */
class ForecastSpotCheckTest {

  private static final ForecastSpec SPEC =
      new ForecastSpec(
          List.of("Fortified", "Red"),
          "Date",
          6,
          List.of(),
          AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
          0,
          null);

  private static Map<String, Object> handedBack(Instances data, ForecastSpec spec) {
    return Json.readMap(Json.write(ForecastTrainer.train(data, spec).metrics()));
  }

  @Test
  void honestFiguresPassOnEveryPartAndEachPartIsNamed() throws Exception {
    Instances wine = RealData.arff("wine");
    Map<String, Object> figures = handedBack(wine, SPEC);

    int parts = ForecastSpotCheck.parts(figures, "Fortified");
    assertThat(parts).isEqualTo(RollingOrigins.ORIGINS);
    for (int part = 0; part < parts; part++) {
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, figures, part))
          .as("origin %d", part)
          .isEmpty();
    }
    assertThat(ForecastSpotCheck.partName(figures, "Fortified", 1))
        .startsWith("the held-out evaluation and the rolling origin from 19");
  }

  @Test
  void anotherLearnersFiguresAreCaughtOnEveryPart() throws Exception {
    Instances wine = RealData.arff("wine");
    ForecastSpec treeInstead =
        new ForecastSpec(
            SPEC.targets(),
            "Date",
            6,
            List.of(),
            AlgorithmSpec.parse("weka.classifiers.trees.M5P"),
            0,
            null);
    Map<String, Object> figures = handedBack(wine, treeInstead);

    for (int part = 0; part < ForecastSpotCheck.parts(figures, "Fortified"); part++) {
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, figures, part))
          .as("origin %d", part)
          .get()
          .asString()
          .contains("rebuilt on the node gives");
    }
  }

  @Test
  void anOriginMadeBetterIsCaughtWhenDrawnAndAnyInconsistencyOnEveryPart() throws Exception {
    Instances wine = RealData.arff("wine");
    Map<String, Object> honest = handedBack(wine, SPEC);

    // one origin's error halved, alone: the rolling-origin figures no longer are the ones the
    // origins make
    Map<String, Object> edited = Json.readMap(Json.write(honest));
    Map<String, Object> origin = origins(edited, 0).get(2);
    origin.put("mae", ((Number) origin.get("mae")).doubleValue() / 2);
    for (int part = 0; part < 4; part++) {
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, edited, part))
          .get()
          .asString()
          .contains("Fortified's rollingOriginMeanAbsoluteError")
          .contains("its rolling origins make");
    }

    // the same, with the series' and the model's figures made up to match: caught where that origin
    // is rebuilt
    Map<String, Object> fortified = series(edited, 0);
    List<Map<String, Object>> all = origins(edited, 0);
    double mae =
        all.stream()
            .mapToDouble(o -> ((Number) o.get("mae")).doubleValue())
            .average()
            .orElseThrow();
    double naive =
        all.stream()
            .mapToDouble(o -> ((Number) o.get("seasonalNaiveMae")).doubleValue())
            .average()
            .orElseThrow();
    fortified.put("rollingOriginMeanAbsoluteError", mae);
    fortified.put("rollingOriginMaeRatioToSeasonalNaive", mae / naive);
    double worst =
        Math.max(
            mae / naive,
            ((Number) series(edited, 1).get("rollingOriginMaeRatioToSeasonalNaive")).doubleValue());
    edited.put("rollingOriginMaeRatioToSeasonalNaive", worst);
    edited.put("rollingOriginMeanAbsoluteError", mae);
    assertThat(ForecastSpotCheck.disagreement(wine, SPEC, edited, 2))
        .get()
        .asString()
        .contains("the rolling origin from")
        .contains("of Fortified rebuilt on the node gives mae");
    for (int part : new int[] {0, 1, 3}) {
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, edited, part))
          .as("part %d", part)
          .isEmpty();
    }

    // the model's ratio to seasonal naive lowered below its worst series'
    Map<String, Object> flattered = Json.readMap(Json.write(honest));
    flattered.put("maeRatioToSeasonalNaive", 0.5);
    assertThat(ForecastSpotCheck.disagreement(wine, SPEC, flattered, 0))
        .get()
        .asString()
        .contains("the model's maeRatioToSeasonalNaive 0.500000 is not the");

    // the held-out figures approval rests on made better consistently (each step's MAE lower, so
    // the series' MAE,
    // ratio and the model's figures follow): caught on any origin drawn, the held-out evaluation is
    // always rebuilt
    Map<String, Object> better = Json.readMap(Json.write(honest));
    for (int i = 0; i < 2; i++) {
      Map<String, Object> one = series(better, i);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> steps = (List<Map<String, Object>>) one.get("steps");
      steps.forEach(step -> step.put("mae", ((Number) step.get("mae")).doubleValue() * 0.8));
      one.put("meanAbsoluteError", ((Number) one.get("meanAbsoluteError")).doubleValue() * 0.8);
      one.put(
          "maeRatioToSeasonalNaive",
          ((Number) one.get("maeRatioToSeasonalNaive")).doubleValue() * 0.8);
    }
    better.put("meanAbsoluteError", series(better, 0).get("meanAbsoluteError"));
    better.put(
        "maeRatioToSeasonalNaive",
        Math.max(
            ((Number) series(better, 0).get("maeRatioToSeasonalNaive")).doubleValue(),
            ((Number) series(better, 1).get("maeRatioToSeasonalNaive")).doubleValue()));
    for (int part = 0; part < 4; part++) {
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, better, part))
          .as("origin %d", part)
          .get()
          .asString()
          .contains(
              "the held-out evaluation of Fortified rebuilt on the node gives meanAbsoluteError");
    }
  }

  @Test
  void figuresOfOtherSeriesAreRefused() throws Exception {
    Instances wine = RealData.arff("wine");
    ForecastSpec redAlone =
        new ForecastSpec(
            "Red",
            "Date",
            6,
            List.of(),
            AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
            0);
    Optional<String> why =
        ForecastSpotCheck.disagreement(wine, SPEC, handedBack(wine, redAlone), 0);
    assertThat(why).get().asString().contains("[Red] where the order forecasts [Fortified, Red]");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> series(Map<String, Object> metrics, int index) {
    return ((List<Map<String, Object>>)
            ((Map<String, Object>) metrics.get("forecast")).get("targets"))
        .get(index);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> origins(Map<String, Object> metrics, int series) {
    return (List<Map<String, Object>>) series(metrics, series).get("rollingOrigins");
  }
}
