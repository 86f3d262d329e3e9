package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.Evaluation;
import weka.classifiers.lazy.IBk;
import weka.core.Instances;

/** Rows sent twice must not be tested by a model that trained on their twin. */
class GroupedCrossValidationTest {

  @Test
  void withoutRepeatedRowsTheFiguresAreWekasOwn() throws Exception {
    Instances data = SingleAttributeSkillTest.load("credit-g");
    data.setClassIndex(data.numAttributes() - 1);
    TrainingResult lepton =
        CrossValidationTrainer.train(
            data, AlgorithmSpec.parse("weka.classifiers.lazy.IBk -K 1"), 10, 1);
    Evaluation weka = new Evaluation(data);
    weka.crossValidateModel(new IBk(1), data, 10, new Random(1));

    assertThat(lepton.metrics().get("pctCorrect")).isEqualTo(weka.pctCorrect());
    assertThat(((Map<?, ?>) lepton.metrics().get("folds")).get("grouped")).isEqualTo(false);
  }

  @Test
  void repeatedRowsStayInOneFoldSoAMemorisingLearnerIsNotFlattered() throws Exception {
    Instances data = SingleAttributeSkillTest.load("credit-g");
    data.setClassIndex(data.numAttributes() - 1);
    Instances repeated = new Instances(data);
    for (int row = 0; row < 300; row++) {
      repeated.add(data.instance(row)); // 300 applications sent twice
    }
    Evaluation naive = new Evaluation(repeated);
    naive.crossValidateModel(new IBk(1), repeated, 10, new Random(1));

    TrainingResult lepton =
        CrossValidationTrainer.train(
            repeated, AlgorithmSpec.parse("weka.classifiers.lazy.IBk -K 1"), 10, 1);
    Map<?, ?> folds = (Map<?, ?>) lepton.metrics().get("folds");

    assertThat(folds.get("grouped")).isEqualTo(true);
    assertThat(((Number) folds.get("repeatedRowsMoved")).intValue()).isPositive();
    // 1-nearest-neighbour finds a tested row's twin in training whenever the folds split them:
    // Weka's plain
    // cross-validation is flattered by that, the grouped one is not
    double grouped = ((Number) lepton.metrics().get("pctCorrect")).doubleValue();
    assertThat(naive.pctCorrect() - grouped).isGreaterThan(5.0);
    Evaluation clean = new Evaluation(data);
    clean.crossValidateModel(new IBk(1), data, 10, new Random(1));
    assertThat(grouped).isCloseTo(clean.pctCorrect(), org.assertj.core.data.Offset.offset(4.0));
  }
}
