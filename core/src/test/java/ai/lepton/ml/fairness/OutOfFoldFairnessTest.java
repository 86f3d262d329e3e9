package ai.lepton.ml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.TrainingResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Group fairness on credit-g (1,000 loan applicants, class good/bad): Lepton's figures from its
 * cross-validation against an independent count over the same folds, re-run here the way Weka
 * builds them (shuffle with the seed, stratify, train on all but fold i, predict fold i), with the
 * favourable outcome "good".
 */
class OutOfFoldFairnessTest {

  /** credit-g as the Weka jar ships it. */
  static Instances creditG() {
    return ai.lepton.ml.RealData.creditG();
  }

  @Test
  void theFiguresAreThoseOfTheSameFoldsCountedIndependently() throws Exception {
    Instances data = creditG();
    OutOfFoldFairness.Request request =
        OutOfFoldFairness.Request.parse("personal_status\nage < 25\nforeign_worker", "good");

    TrainingResult result =
        CrossValidationTrainer.train(
            data,
            AlgorithmSpec.parse("weka.classifiers.trees.J48" + " -C 0.25 -M 2"),
            10,
            1,
            request,
            null);

    // the metrics are still Weka's own
    Evaluation weka = new Evaluation(data);
    weka.crossValidateModel(
        AbstractClassifier.forName(
            "weka.classifiers.trees.J48", Utils.splitOptions("-C 0.25 -M 2")),
        data,
        10,
        new Random(1));
    assertThat(result.metrics().get("pctCorrect")).isEqualTo(weka.pctCorrect());
    assertThat(result.metrics().get("kappa")).isEqualTo(weka.kappa());

    // and the groups' rates are those of the same predictions, counted here
    Map<String, Map<String, int[]>> counted =
        independently(
            data,
            List.of(
                ProtectedAttribute.parse("personal_status"),
                ProtectedAttribute.parse("age < 25"),
                ProtectedAttribute.parse("foreign_worker")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fairness =
        (List<Map<String, Object>>) result.metrics().get("fairness");
    assertThat(fairness)
        .extracting(a -> a.get("attribute"))
        .containsExactly("personal_status", "age", "foreign_worker");
    for (Map<String, Object> assessment : fairness) {
      Map<String, int[]> groups = counted.get((String) assessment.get("attribute"));
      String reference = (String) assessment.get("referenceGroup");
      int[] ref = groups.get(reference);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rows = (List<Map<String, Object>>) assessment.get("groups");
      assertThat(rows).hasSize(groups.size());
      for (Map<String, Object> row : rows) {
        int[] c = groups.get((String) row.get("group"));
        assertThat(row.get("rows")).isEqualTo(c[0]);
        assertThat((Double) row.get("selectionRate")).isEqualTo((double) c[1] / c[0]);
        assertThat((Double) row.get("truePositiveRate")).isEqualTo((double) c[3] / c[2]);
        assertThat((Double) row.get("falsePositiveRate")).isEqualTo((double) c[5] / c[4]);
        assertThat((Double) row.get("disparateImpact"))
            .isEqualTo(((double) c[1] / c[0]) / ((double) ref[1] / ref[0]));
        assertThat((Double) row.get("equalOpportunityDifference"))
            .isEqualTo((double) c[3] / c[2] - (double) ref[3] / ref[2]);
      }
    }
    Map<String, Object> age = fairness.get(1);
    assertThat(age.get("referenceGroup")).isEqualTo("≥ 25");
    assertThat(age.get("leastFavouredGroup")).isEqualTo("< 25");
    // young applicants are approved less often than older ones by this model (a figure for the
    // approver to weigh)
    assertThat((Double) age.get("lowestDisparateImpact")).isLessThan(1.0);
  }

  @Test
  void anAttributeTheDataLacksIsReportedAndAWrongLabelRefusedBeforeTraining() throws Exception {
    Instances data = creditG();
    AlgorithmSpec j48 = AlgorithmSpec.parse("weka.classifiers.trees.J48");
    TrainingResult result =
        CrossValidationTrainer.train(
            data,
            j48,
            10,
            1,
            OutOfFoldFairness.Request.parse("gender\nage\nforeign_worker", "good"),
            null);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fairness =
        (List<Map<String, Object>>) result.metrics().get("fairness");
    assertThat(fairness.get(0).get("notAssessed").toString())
        .contains("'gender' is not in the training data");
    assertThat(fairness.get(1).get("notAssessed").toString()).contains("'age < 25'");
    assertThat(fairness.get(2)).containsKey("groups");
    assertThatThrownBy(
            () ->
                CrossValidationTrainer.train(
                    data,
                    j48,
                    10,
                    1,
                    OutOfFoldFairness.Request.parse("personal_status", "approved"),
                    null))
        .hasMessageContaining("[good, bad]");
  }

  /**
   * Per attribute and group: rows, predicted good, actually good, both, actually bad, predicted
   * good of those — over Weka's folds rebuilt here.
   */
  private static Map<String, Map<String, int[]>> independently(
      Instances original, List<ProtectedAttribute> specs) throws Exception {
    Random random = new Random(1);
    Instances data = new Instances(original);
    data.randomize(random);
    data.stratify(10);
    int good = data.classAttribute().indexOfValue("good");
    Map<String, Map<String, int[]>> counts = new HashMap<>();
    for (int fold = 0; fold < 10; fold++) {
      Instances train = data.trainCV(10, fold, random);
      Instances test = data.testCV(10, fold);
      Classifier j48 =
          AbstractClassifier.forName(
              "weka.classifiers.trees.J48", Utils.splitOptions("-C 0.25 -M 2"));
      j48.buildClassifier(train);
      for (Instance row : test) {
        double[] distribution = j48.distributionForInstance(row);
        boolean predictedGood = Utils.maxIndex(distribution) == good;
        boolean actuallyGood = (int) row.classValue() == good;
        for (ProtectedAttribute spec : specs) {
          String group = spec.groupOf(row, spec.in(data));
          int[] c =
              counts
                  .computeIfAbsent(spec.attribute(), a -> new HashMap<>())
                  .computeIfAbsent(group, g -> new int[6]);
          c[0]++;
          c[1] += predictedGood ? 1 : 0;
          c[2] += actuallyGood ? 1 : 0;
          c[3] += actuallyGood && predictedGood ? 1 : 0;
          c[4] += actuallyGood ? 0 : 1;
          c[5] += !actuallyGood && predictedGood ? 1 : 0;
        }
      }
    }
    return counts;
  }
}
