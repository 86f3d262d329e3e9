package ai.lepton.ml.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.Json;
import ai.lepton.ml.RealData;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CandidateMetrics;
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

    int parts = ForecastSpotCheck.parts(CandidateMetrics.of(figures), "Fortified");
    assertThat(parts).isEqualTo(RollingOrigins.ORIGINS);
    for (int part = 0; part < parts; part++) {
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(figures), part))
          .as("origin %d", part)
          .isEmpty();
    }
    assertThat(ForecastSpotCheck.partName(CandidateMetrics.of(figures), "Fortified", 1))
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

    for (int part = 0;
        part < ForecastSpotCheck.parts(CandidateMetrics.of(figures), "Fortified");
        part++) {
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(figures), part))
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
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(edited), part))
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
    assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(edited), 2))
        .get()
        .asString()
        .contains("the rolling origin from")
        .contains("of Fortified rebuilt on the node gives mae");
    for (int part : new int[] {0, 1, 3}) {
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(edited), part))
          .as("part %d", part)
          .isEmpty();
    }

    // the model's ratio to seasonal naive lowered below its worst series'
    Map<String, Object> flattered = Json.readMap(Json.write(honest));
    flattered.put("maeRatioToSeasonalNaive", 0.5);
    assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(flattered), 0))
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
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(better), part))
          .as("origin %d", part)
          .get()
          .asString()
          .contains(
              "the held-out evaluation of Fortified rebuilt on the node gives meanAbsoluteError");
    }
  }

  @Test
  void aFigureTheFiguresLackIsUnknownNeverZero() throws Exception {
    Instances wine = RealData.arff("wine");
    Map<String, Object> honest = handedBack(wine, SPEC);

    // a step without its error, the series' MAE made over the other steps: the step is unknown
    // (not an error of 0), so the series' ratio to seasonal naive, over every step, is unknown too
    Map<String, Object> stepless = Json.readMap(Json.write(honest));
    Map<String, Object> fortified = series(stepless, 0);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) fortified.get("steps");
    steps.get(2).remove("mae");
    fortified.put(
        "meanAbsoluteError",
        steps.stream()
            .filter(step -> step.containsKey("mae"))
            .mapToDouble(step -> ((Number) step.get("mae")).doubleValue())
            .average()
            .orElseThrow());
    assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(stepless), 0))
        .get()
        .asString()
        .contains("Fortified's maeRatioToSeasonalNaive")
        .contains("is not the NaN its steps and the seasonal-naive forecast's make");

    // an origin's error null, the series' rolling-origin MAE made over the other origins: the
    // origin is unknown (not an error of 0) and left out of the mean, so that MAE is the one the
    // origins make, and the ratio to seasonal naive (over every origin's seasonal-naive MAE) is not
    Map<String, Object> originless = Json.readMap(Json.write(honest));
    List<Map<String, Object>> redOrigins = origins(originless, 1);
    redOrigins.get(0).put("mae", null);
    series(originless, 1)
        .put(
            "rollingOriginMeanAbsoluteError",
            redOrigins.stream()
                .filter(o -> o.get("mae") != null)
                .mapToDouble(o -> ((Number) o.get("mae")).doubleValue())
                .average()
                .orElseThrow());
    assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(originless), 0))
        .get()
        .asString()
        .contains("Red's rollingOriginMaeRatioToSeasonalNaive")
        .contains("its rolling origins make");

    // a figure of the model missing, or null, is an unknown one: refused where its series make one
    for (String figure : List.of("meanAbsoluteError", "maeRatioToSeasonalNaive")) {
      Map<String, Object> missing = Json.readMap(Json.write(honest));
      missing.remove(figure);
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(missing), 0))
          .get()
          .asString()
          .contains("the model's " + figure + " NaN is not the");
      Map<String, Object> nulled = Json.readMap(Json.write(honest));
      nulled.put(figure, null);
      assertThat(ForecastSpotCheck.disagreement(wine, SPEC, CandidateMetrics.of(nulled), 0))
          .get()
          .asString()
          .contains("the model's " + figure + " NaN is not the");
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
        ForecastSpotCheck.disagreement(
            wine, SPEC, CandidateMetrics.of(handedBack(wine, redAlone)), 0);
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
