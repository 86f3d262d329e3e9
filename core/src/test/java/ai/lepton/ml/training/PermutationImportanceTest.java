package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

class PermutationImportanceTest {

  private static Instances creditG() {
    return ai.lepton.ml.RealData.creditG();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> attributes(Map<String, Object> importance) {
    return (List<Map<String, Object>>) importance.get("attributes");
  }

  private static Map<String, Object> of(List<Map<String, Object>> attributes, String name) {
    return attributes.stream()
        .filter(a -> a.get("attribute").equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void unshuffledTheFoldModelsGiveWekasOwnFigureAndCheckingStatusDrivesTheTree() throws Exception {
    Instances data = creditG();
    TrainingResult result =
        CrossValidationTrainer.train(
            data,
            AlgorithmSpec.parse("weka.classifiers.trees.J48" + " -C 0.25 -M 2"),
            10,
            1,
            ai.lepton.ml.fairness.OutOfFoldFairness.Request.NONE,
            SuccessMetric.pctCorrect);

    Evaluation weka = new Evaluation(data);
    weka.crossValidateModel(
        AbstractClassifier.forName(
            "weka.classifiers.trees.J48", Utils.splitOptions("-C 0.25 -M 2")),
        data,
        10,
        new Random(1));
    assertThat(result.metrics().get("pctCorrect")).isEqualTo(weka.pctCorrect());

    Map<String, Object> importance = (Map<String, Object>) result.metrics().get("importance");
    // 1,000 rows are under the cap: every out-of-fold row is scored by its own fold's model, as
    // Weka scored it
    assertThat(importance.get("rows")).isEqualTo(1000);
    assertThat((double) importance.get("unshuffled")).isCloseTo(weka.pctCorrect(), within(1e-6));
    assertThat(importance).containsEntry("metric", "pctCorrect").containsEntry("repeats", 5);

    List<Map<String, Object>> attributes = attributes(importance);
    assertThat(attributes).hasSize(20);
    assertThat(attributes.get(0)).containsEntry("rank", 1);
    // the account's status is the root of credit-g's tree: shuffling it costs the most
    assertThat(attributes.get(0))
        .containsEntry("attribute", "checking_status")
        .containsEntry("important", true);
    assertThat((double) attributes.get(0).get("drop")).isGreaterThan(3.0);
    for (int i = 1; i < attributes.size(); i++) {
      assertThat((double) attributes.get(i - 1).get("drop"))
          .isGreaterThanOrEqualTo((double) attributes.get(i).get("drop"));
    }
    assertThat(attributes.stream().filter(a -> Boolean.TRUE.equals(a.get("important"))).count())
        .isBetween(1L, (long) PermutationImportance.TOP);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAttributeTheModelDoesNotUseCostsNothingAndTheFiguresRepeatWithTheSeed() throws Exception {
    // the class is x > 0.5 exactly; noise is drawn independently: every fold's tree splits on x
    // alone
    ArrayList<Attribute> columns =
        new ArrayList<>(
            List.of(
                new Attribute("x"),
                new Attribute("noise"),
                new Attribute("class", List.of("low", "high"))));
    Instances data = new Instances("threshold", columns, 400);
    data.setClassIndex(2);
    Random random = new Random(7);
    for (int i = 0; i < 400; i++) {
      double x = random.nextDouble();
      data.add(new DenseInstance(1, new double[] {x, random.nextDouble(), x > 0.5 ? 1 : 0}));
    }
    AlgorithmSpec j48 = AlgorithmSpec.parse("weka.classifiers.trees.J48");
    Map<String, Object> importance =
        (Map<String, Object>)
            CrossValidationTrainer.train(
                    data,
                    j48,
                    10,
                    3,
                    ai.lepton.ml.fairness.OutOfFoldFairness.Request.NONE,
                    SuccessMetric.kappa)
                .metrics()
                .get("importance");

    Map<String, Object> x = of(attributes(importance), "x");
    Map<String, Object> noise = of(attributes(importance), "noise");
    // with x shuffled the tree guesses: kappa falls from about 1 to about 0
    assertThat((double) x.get("drop")).isGreaterThan(0.8);
    assertThat(x).containsEntry("rank", 1).containsEntry("important", true);
    assertThat(noise)
        .containsEntry("drop", 0.0)
        .containsEntry("spread", 0.0)
        .containsEntry("important", false);

    Object again =
        CrossValidationTrainer.train(
                data,
                j48,
                10,
                3,
                ai.lepton.ml.fairness.OutOfFoldFairness.Request.NONE,
                SuccessMetric.kappa)
            .metrics()
            .get("importance");
    assertThat(again).isEqualTo(importance);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anErrorMetricRisesWhenADrivingAttributeIsShuffledAndLargeDataIsCapped() throws Exception {
    ArrayList<Attribute> columns =
        new ArrayList<>(
            List.of(new Attribute("price"), new Attribute("noise"), new Attribute("revenue")));
    Instances data = new Instances("sales", columns, 5000);
    data.setClassIndex(2);
    Random random = new Random(11);
    for (int i = 0; i < 5000; i++) {
      double price = random.nextDouble() * 10;
      data.add(
          new DenseInstance(
              1,
              new double[] {
                price, random.nextGaussian(), 100 - 6 * price + random.nextGaussian()
              }));
    }
    Map<String, Object> importance =
        (Map<String, Object>)
            CrossValidationTrainer.train(
                    data,
                    AlgorithmSpec.parse("weka.classifiers.functions.LinearRegression"),
                    10,
                    1,
                    ai.lepton.ml.fairness.OutOfFoldFairness.Request.NONE,
                    SuccessMetric.rootMeanSquaredError)
                .metrics()
                .get("importance");

    assertThat(importance.get("rows")).isEqualTo(PermutationImportance.MAX_ROWS);
    assertThat(importance).containsEntry("higherIsBetter", false);
    // shuffling price turns an error of about 1 into one of about 6 * sd(price) * sqrt(2) ≈ 24
    Map<String, Object> price = of(attributes(importance), "price");
    assertThat((double) price.get("drop")).isGreaterThan(15.0);
    assertThat(price).containsEntry("important", true);
    assertThat(Math.abs((double) of(attributes(importance), "noise").get("drop"))).isLessThan(0.1);
  }
}
