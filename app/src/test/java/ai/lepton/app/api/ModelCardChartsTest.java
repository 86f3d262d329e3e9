package ai.lepton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CrossValidationTrainer;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/** The card's drawings from real cross-validation runs on credit-g: a classifier and a regression. */
class ModelCardChartsTest {

  @Test
  void aRegressionCardPlotsPredictedAgainstActualInsideThePlotArea() throws Exception {
    Instances data = creditG();
    data.setClass(data.attribute("credit_amount"));
    Map<String, Object> metrics = CrossValidationTrainer.train(data, AlgorithmSpec.parse("weka.classifiers.trees.REPTree"),
        10, 1).metrics();

    Map<String, Object> scatter = ModelCardCharts.scatter(metrics);

    @SuppressWarnings("unchecked")
    List<Map<String, String>> dots = (List<Map<String, String>>) scatter.get("dots");
    assertThat(dots).hasSizeBetween(250, 340);
    assertThat(dots).allSatisfy(dot -> {
      assertThat(Double.parseDouble(dot.get("cx"))).isBetween(40.0, 320.0);
      assertThat(Double.parseDouble(dot.get("cy"))).isBetween(10.0, 290.0);
    });
    assertThat(ModelCardCharts.roc(metrics)).isEmpty();
    assertThat(ModelCardCharts.confusion(metrics)).isNull();
  }

  @Test
  void aClassifierCardHasOneRocCurvePerClassAndAFullConfusionMatrix() throws Exception {
    Instances data = creditG();
    Map<String, Object> metrics = CrossValidationTrainer.train(data,
        AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayes"), 10, 1).metrics();

    List<Map<String, Object>> roc = ModelCardCharts.roc(metrics);
    assertThat(roc).extracting(line -> line.get("label")).containsExactly("good", "bad");
    assertThat(roc.get(0).get("points").toString().split(" ")).hasSizeGreaterThan(10);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cells = (List<Map<String, Object>>) ModelCardCharts.confusion(metrics).get("cells");
    assertThat(cells).hasSize(4);
    assertThat(cells.stream().mapToInt(c -> Integer.parseInt((String) c.get("count"))).sum()).isEqualTo(1000);
  }

  private static Instances creditG() throws Exception {
    try (InputStream in = ModelCardChartsTest.class.getClassLoader()
        .getResourceAsStream("weka/gui/knowledgeflow/templates/credit-g.arff")) {
      Instances data = new DataSource(in).getDataSet();
      data.setClassIndex(data.numAttributes() - 1);
      return data;
    }
  }
}
