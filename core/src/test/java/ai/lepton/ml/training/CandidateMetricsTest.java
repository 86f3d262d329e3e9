package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.Json;
import ai.lepton.ml.RealData;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.TextColumns;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.fairness.OutOfFoldFairness;
import ai.lepton.ml.forecasting.ForecastSpec;
import ai.lepton.ml.forecasting.ForecastTrainer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/**
 * Real candidates' metrics, as the registry keeps them (written to JSON and read back), read
 * strictly into {@link CandidateMetrics}: a field training writes and the record lacks fails here,
 * and the record's figures are the document's.
 */
class CandidateMetricsTest {

  /** The document as the registry stores and reads it. */
  private static Map<String, Object> stored(TrainingResult result) {
    return Json.readMap(Json.write(result.metrics()));
  }

  @Test
  void aClassifierWithFairnessAndImportanceIsReadWhole() {
    Instances data = RealData.creditG();
    Map<String, Object> stored =
        stored(
            CrossValidationTrainer.train(
                data,
                AlgorithmSpec.parse("weka.classifiers.trees.J48 -C 0.25 -M 2"),
                10,
                1,
                OutOfFoldFairness.Request.parse("personal_status\nno_such_column", "good"),
                SuccessMetric.of("weightedAreaUnderROC", ProblemType.CLASSIFICATION)));

    CandidateMetrics metrics = CandidateMetrics.strictly(stored);

    assertThat(metrics.problem()).isEqualTo("classification");
    assertThat(metrics.numInstances()).isEqualTo(1000);
    assertThat(metrics.pctCorrect()).isEqualTo(stored.get("pctCorrect"));
    assertThat(metrics.figure("kappa")).isEqualTo(stored.get("kappa"));
    assertThat(metrics.figure("noSuchFigure")).isNull();
    assertThat(metrics.perClass()).containsOnlyKeys("good", "bad");
    assertThat(metrics.confusionMatrix().support("good")).isEqualTo(700);
    assertThat(metrics.confusionMatrix().support("bad")).isEqualTo(300);
    assertThat(metrics.folds().values()).hasSize(10);
    assertThat(metrics.folds().grouped()).isNotNull();
    assertThat(metrics.roc()).containsOnlyKeys("good", "bad");
    assertThat(metrics.fairness()).hasSize(2);
    assertThat(metrics.fairness().get(0).reference()).isPresent();
    assertThat(metrics.fairness().get(1).notAssessed()).contains("no_such_column");
    assertThat(metrics.importance().attributes()).hasSize(data.numAttributes() - 1);
    assertThat(metrics.importance().metric()).isEqualTo("weightedAreaUnderROC");
  }

  @Test
  void aRegressionIsReadWhole() throws Exception {
    Instances data =
        DatasetPreparer.prepare(
                DatasetReader.read(RealData.creditGBytes(), DatasetFormat.ARFF).instances(),
                "credit_amount",
                ProblemType.REGRESSION)
            .data();
    Map<String, Object> stored =
        stored(
            CrossValidationTrainer.train(
                data, AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"), 5, 1));

    CandidateMetrics metrics = CandidateMetrics.strictly(stored);

    assertThat(metrics.problem()).isEqualTo("regression");
    assertThat(metrics.relativeAbsoluteError()).isEqualTo(stored.get("relativeAbsoluteError"));
    assertThat(metrics.folds().metric()).isEqualTo("rootMeanSquaredError");
    assertThat(metrics.predictedVsActual()).isNotEmpty();
    assertThat(metrics.perClass()).isNull();
  }

  @Test
  void aLearnerOnWordVectorsIsReadWhole() throws Exception {
    Instances raw =
        DatasetReader.read(Files.readAllBytes(TextParityTest.TRAIN), DatasetFormat.ARFF)
            .instances();
    Set<String> text = TextColumns.of(raw, List.of(), TextParityTest.TARGET);
    Instances data =
        DatasetPreparer.prepare(
                raw, TextParityTest.TARGET, ProblemType.CLASSIFICATION, List.of(), text)
            .data();
    AlgorithmSpec learner =
        TextLearner.around(
            AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayesMultinomial"),
            data,
            Requirements.TextSettings.DEFAULT_OPTIONS);

    CandidateMetrics metrics =
        CandidateMetrics.strictly(stored(CrossValidationTrainer.train(data, learner, 2, 1)));

    assertThat(metrics.text().attributes()).containsExactly("Text");
    assertThat(metrics.text().wekaCommand()).contains("FilteredClassifier");
    assertThat(metrics.text().informativeWords()).isNotEmpty();
    assertThat(metrics.text().informativeWords().get(0).label()).isNotBlank();
    assertThat(metrics.text().informativeWords().get(0).words().get(0).word()).isNotBlank();
  }

  @Test
  void aForecasterIsReadWhole() {
    ForecastSpec spec =
        new ForecastSpec(
            List.of("Fortified", "Red"),
            "Date",
            6,
            List.of(),
            AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
            0,
            null);
    Map<String, Object> stored = stored(ForecastTrainer.train(RealData.arff("wine"), spec));

    CandidateMetrics metrics = CandidateMetrics.strictly(stored);

    assertThat(metrics.problem()).isEqualTo("forecasting");
    assertThat(metrics.evaluation()).startsWith("time-ordered");
    assertThat(metrics.maeRatioToSeasonalNaive()).isEqualTo(stored.get("maeRatioToSeasonalNaive"));
    assertThat(metrics.forecast().testPeriods()).isPositive();
    assertThat(metrics.forecast().series("Red").orElseThrow().steps()).hasSize(6);
    assertThat(metrics.forecast().series("Fortified").orElseThrow().rollingOrigins()).isNotEmpty();
    assertThat(metrics.forecast().series("White")).isEmpty();
  }
}
