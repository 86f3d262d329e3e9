package ai.lepton.ml.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.Logistic;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/** Explanations of Logistic regression decisions on credit-g, checked against the model itself. */
class PerturbationExplainerTest {

  @Test
  void eachEffectIsTheChangeInTheClassProbabilityWhenThatAttributeTakesItsTypicalValue()
      throws Exception {
    Instances data = creditG();
    Logistic model = new Logistic();
    model.buildClassifier(data);
    Instances header = new Instances(data, 0);
    double[] baseline = PerturbationExplainer.baseline(header, data);
    assertThat(baseline[data.attribute("credit_amount").index()]).isEqualTo(data.meanOrMode(4));

    for (int row = 0; row < 20; row++) {
      Instance record = data.instance(row);
      double[] distribution = model.distributionForInstance(record);
      int predicted = Utils.maxIndex(distribution);
      List<Map<String, Object>> explanation =
          PerturbationExplainer.explain(
              model,
              record,
              distribution,
              predicted,
              baseline,
              java.util.Set.of("checking_status"));

      assertThat(explanation).hasSizeBetween(1, 3);
      for (Map<String, Object> entry : explanation) {
        int index = data.attribute((String) entry.get("attribute")).index();
        Instance changed = (Instance) record.copy();
        changed.setValue(index, baseline[index]);
        double expected =
            distribution[predicted] - model.distributionForInstance(changed)[predicted];
        assertThat((double) entry.get("effect")).isCloseTo(expected, within(0.00005));
        assertThat(entry.get("globallyImportant"))
            .isEqualTo(entry.get("attribute").equals("checking_status"));
      }
      // and no attribute left out moved the prediction more than the last one named
      double weakestNamed =
          Math.abs((double) explanation.get(explanation.size() - 1).get("effect"));
      for (int a = 0; a < data.numAttributes() - 1; a++) {
        String name = data.attribute(a).name();
        if (explanation.stream().noneMatch(e -> name.equals(e.get("attribute")))) {
          Instance changed = (Instance) record.copy();
          changed.setValue(a, baseline[a]);
          double effect =
              distribution[predicted] - model.distributionForInstance(changed)[predicted];
          assertThat(Math.abs(effect)).as(name).isLessThanOrEqualTo(weakestNamed + 0.00005);
        }
      }
    }
  }

  private static Instances creditG() {
    return ai.lepton.ml.RealData.creditG();
  }
}
