package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.converters.CSVLoader;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Lepton's training must give Weka's own numbers: the same data (read by Weka's loaders), class,
 * options, folds and seed through {@link Evaluation#crossValidateModel} directly must equal every
 * metric Lepton records.
 */
class WekaParityTest {

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("credit-g", "weka.classifiers.trees.J48", "-C 0.25 -M 2", 10, 1),
        Arguments.of("credit-g", "weka.classifiers.bayes.NaiveBayes", "", 10, 1),
        Arguments.of("credit-g", "weka.classifiers.functions.Logistic", "-R 1.0E-8 -M -1", 5, 7),
        Arguments.of("credit-g", "weka.classifiers.trees.RandomForest", "-I 20 -K 0 -S 3", 10, 42),
        Arguments.of("wa_churn", "weka.classifiers.trees.J48", "-C 0.25 -M 2", 10, 1),
        Arguments.of("wa_churn", "weka.classifiers.bayes.NaiveBayes", "", 10, 1),
        Arguments.of("wa_churn", "weka.classifiers.functions.Logistic", "-R 1.0E-8 -M -1", 10, 1));
  }

  @ParameterizedTest(name = "{1} {2} on {0}, {3} folds, seed {4}")
  @MethodSource("runs")
  void leptonMetricsEqualWekaEvaluation(
      String dataset, String className, String options, int folds, int seed) throws Exception {
    // Given the raw data as Lepton reads and prepares it
    Instances lepton = leptonData(dataset);
    // and the same file as Weka's own loaders read it
    Instances weka = wekaData(dataset);
    assertThat(lepton.numInstances()).isEqualTo(weka.numInstances());

    // When Lepton trains, and Weka cross-validates directly
    TrainingResult result =
        CrossValidationTrainer.train(
            lepton, AlgorithmSpec.parse(className + " " + options), folds, seed);
    Classifier classifier = AbstractClassifier.forName(className, Utils.splitOptions(options));
    Evaluation expected = new Evaluation(weka);
    expected.crossValidateModel(classifier, weka, folds, new Random(seed));

    // Then every number is Weka's
    Map<String, Object> metrics = result.metrics();
    assertThat(metrics.get("numInstances")).isEqualTo(expected.numInstances());
    assertThat(metrics.get("pctCorrect")).isEqualTo(expected.pctCorrect());
    assertThat(metrics.get("kappa")).isEqualTo(expected.kappa());
    assertThat(metrics.get("weightedAreaUnderROC")).isEqualTo(expected.weightedAreaUnderROC());
    assertThat(metrics.get("weightedAreaUnderPRC")).isEqualTo(expected.weightedAreaUnderPRC());
    assertThat(metrics.get("weightedFMeasure")).isEqualTo(expected.weightedFMeasure());
    assertThat(metrics.get("meanAbsoluteError")).isEqualTo(expected.meanAbsoluteError());
    assertThat(metrics.get("rootMeanSquaredError")).isEqualTo(expected.rootMeanSquaredError());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> perClass =
        (Map<String, Map<String, Object>>) metrics.get("perClass");
    for (int c = 0; c < weka.classAttribute().numValues(); c++) {
      Map<String, Object> stats = perClass.get(weka.classAttribute().value(c));
      assertThat(stats.get("precision")).isEqualTo(expected.precision(c));
      assertThat(stats.get("recall")).isEqualTo(expected.recall(c));
      assertThat(stats.get("fMeasure")).isEqualTo(expected.fMeasure(c));
    }
    @SuppressWarnings("unchecked")
    List<List<Double>> matrix =
        (List<List<Double>>) ((Map<String, Object>) metrics.get("confusionMatrix")).get("rows");
    double[][] expectedMatrix = expected.confusionMatrix();
    for (int r = 0; r < expectedMatrix.length; r++) {
      for (int c = 0; c < expectedMatrix[r].length; c++) {
        assertThat(matrix.get(r).get(c)).isEqualTo(expectedMatrix[r][c]);
      }
    }

    // And the accuracy of each fold is what Weka's fold-by-fold recipe (randomize, stratify,
    // trainCV/testCV) gives
    @SuppressWarnings("unchecked")
    List<Double> perFold =
        (List<Double>) ((Map<String, Object>) metrics.get("folds")).get("values");
    Random random = new Random(seed);
    Instances shuffled = new Instances(weka);
    shuffled.randomize(random);
    shuffled.stratify(folds);
    for (int fold = 0; fold < folds; fold++) {
      Instances train = shuffled.trainCV(folds, fold, random);
      Classifier foldModel = AbstractClassifier.forName(className, Utils.splitOptions(options));
      foldModel.buildClassifier(train);
      Evaluation foldEvaluation = new Evaluation(train);
      foldEvaluation.evaluateModel(foldModel, shuffled.testCV(folds, fold));
      assertThat(perFold.get(fold))
          .as("fold " + fold)
          .isCloseTo(foldEvaluation.pctCorrect(), within(1e-9));
    }

    // And the final model is a Weka model of that class, trained on every row
    Object model = SerializationHelper.read(new java.io.ByteArrayInputStream(result.modelBytes()));
    assertThat(model.getClass().getName()).isEqualTo(className);
    Classifier reference = AbstractClassifier.forName(className, Utils.splitOptions(options));
    reference.buildClassifier(weka);
    assertThat(((Classifier) model).distributionForInstance(weka.instance(0)))
        .containsExactly(reference.distributionForInstance(weka.instance(0)));
  }

  static Instances leptonData(String dataset) throws Exception {
    byte[] bytes = bytes(dataset);
    Instances raw =
        DatasetReader.read(
                bytes, dataset.equals("credit-g") ? DatasetFormat.ARFF : DatasetFormat.CSV)
            .instances();
    String target = dataset.equals("credit-g") ? "class" : "churn";
    return DatasetPreparer.prepare(raw, target, ProblemType.CLASSIFICATION).data();
  }

  static Instances wekaData(String dataset) throws Exception {
    Instances data;
    if (dataset.equals("credit-g")) {
      data = new DataSource(resource(dataset)).getDataSet();
    } else {
      CSVLoader loader = new CSVLoader();
      loader.setMissingValue("NA");
      loader.setSource(resource(dataset));
      data = loader.getDataSet();
    }
    data.setClass(data.attribute(dataset.equals("credit-g") ? "class" : "churn"));
    return data;
  }

  static byte[] bytes(String dataset) throws Exception {
    try (InputStream in = resource(dataset)) {
      return in.readAllBytes();
    }
  }

  static InputStream resource(String dataset) {
    String path =
        dataset.equals("credit-g")
            ? "weka/gui/knowledgeflow/templates/credit-g.arff"
            : "data/wa_churn.csv";
    return WekaParityTest.class.getClassLoader().getResourceAsStream(path);
  }
}
