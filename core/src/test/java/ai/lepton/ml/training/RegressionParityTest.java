package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Regression gives Weka's numbers too: credit-g's credit_amount predicted from the other
 * attributes.
 */
class RegressionParityTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "weka.classifiers.functions.LinearRegression|-S 0 -R 1.0E-8 -num-decimal-places 4",
        "weka.classifiers.trees.REPTree|-M 2 -V 0.001 -N 3 -S 1 -L -1 -I 0.0"
      })
  void regressionMetricsEqualWekaEvaluation(String className, String options) throws Exception {
    Instances lepton =
        DatasetPreparer.prepare(
                DatasetReader.read(WekaParityTest.bytes("credit-g"), DatasetFormat.ARFF)
                    .instances(),
                "credit_amount",
                ProblemType.REGRESSION)
            .data();
    Instances weka = new DataSource(WekaParityTest.resource("credit-g")).getDataSet();
    weka.setClass(weka.attribute("credit_amount"));

    Map<String, Object> metrics =
        CrossValidationTrainer.train(lepton, AlgorithmSpec.parse(className + " " + options), 10, 1)
            .metrics();
    Evaluation expected = new Evaluation(weka);
    expected.crossValidateModel(
        AbstractClassifier.forName(className, Utils.splitOptions(options)),
        weka,
        10,
        new Random(1));

    assertThat(metrics.get("correlationCoefficient")).isEqualTo(expected.correlationCoefficient());
    assertThat(metrics.get("meanAbsoluteError")).isEqualTo(expected.meanAbsoluteError());
    assertThat(metrics.get("rootMeanSquaredError")).isEqualTo(expected.rootMeanSquaredError());
    assertThat(metrics.get("relativeAbsoluteError")).isEqualTo(expected.relativeAbsoluteError());
    assertThat(metrics.get("rootRelativeSquaredError"))
        .isEqualTo(expected.rootRelativeSquaredError());
    assertThat(metrics).doesNotContainKeys("pctCorrect", "confusionMatrix");
  }
}
