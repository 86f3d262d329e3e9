package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/**
 * Figures a worker hands back are checked on one fold rebuilt by the node: honest figures pass on
 * every fold (Weka's folds and the grouped ones), figures of another learner, another option, an
 * edited fold or an inflated overall figure do not.
 */
class FoldSpotCheckTest {

  private static final AlgorithmSpec J48 =
      AlgorithmSpec.parse("weka.classifiers.trees.J48 -C 0.25 -M 2");

  private static Instances creditG() {
    return ai.lepton.ml.RealData.creditG();
  }

  @Test
  void honestFiguresPassOnEveryFoldAndForgedOnesAreCaught() throws Exception {
    Instances data = creditG();
    Map<String, Object> honest = CrossValidationTrainer.train(data, J48, 10, 1).metrics();
    for (int fold = 0; fold < 10; fold++) {
      assertThat(FoldSpotCheck.disagreement(data, J48, 10, 1, CandidateMetrics.of(honest), fold))
          .as("fold %d", fold + 1)
          .isEmpty();
    }

    // another option: the same learner pruned harder gives itself away
    Map<String, Object> otherOption =
        CrossValidationTrainer.train(
                data, AlgorithmSpec.parse("weka.classifiers.trees.J48 -C 0.1 -M 2"), 10, 1)
            .metrics();
    long caught =
        java.util.stream.IntStream.range(0, 10)
            .filter(fold -> disagrees(data, otherOption, fold))
            .count();
    assertThat(caught)
        .as("folds on which J48 -C 0.1's figures are caught")
        .isGreaterThanOrEqualTo(8);

    // one fold edited: caught when that fold is drawn
    Map<String, Object> edited = copy(honest);
    @SuppressWarnings("unchecked")
    List<Object> values =
        new java.util.ArrayList<>(
            (List<Object>) ((Map<String, Object>) edited.get("folds")).get("values"));
    values.set(3, ((Number) values.get(3)).doubleValue() + 5);
    ((Map<String, Object>) edited.get("folds")).put("values", values);
    assertThat(FoldSpotCheck.disagreement(data, J48, 10, 1, CandidateMetrics.of(edited), 3))
        .get()
        .asString()
        .contains("fold 4 of 10 rebuilt on the node gives pctCorrect");

    // a fold's figure missing: unknown, never the rebuilt one
    Map<String, Object> gap = copy(honest);
    @SuppressWarnings("unchecked")
    List<Object> withGap =
        new java.util.ArrayList<>(
            (List<Object>) ((Map<String, Object>) gap.get("folds")).get("values"));
    withGap.set(5, null);
    ((Map<String, Object>) gap.get("folds")).put("values", withGap);
    assertThat(FoldSpotCheck.disagreement(data, J48, 10, 1, CandidateMetrics.of(gap), 5))
        .get()
        .asString()
        .contains("fold 6 of 10 rebuilt on the node gives pctCorrect")
        .endsWith("the figures say pctCorrect NaN");

    // the overall accuracy raised, every fold left as it was: caught on any fold
    Map<String, Object> inflated = copy(honest);
    inflated.put("pctCorrect", ((Number) honest.get("pctCorrect")).doubleValue() + 3);
    assertThat(FoldSpotCheck.disagreement(data, J48, 10, 1, CandidateMetrics.of(inflated), 7))
        .get()
        .asString()
        .contains("the overall pctCorrect");

    // no per-fold figures at all
    assertThat(
            FoldSpotCheck.disagreement(
                data, J48, 10, 1, CandidateMetrics.of(Map.of("pctCorrect", 75.0)), 0))
        .get()
        .asString()
        .contains("no per-fold results");
  }

  @Test
  void aRegressionAndGroupedFoldsAreCheckedTheSameWay() throws Exception {
    Instances data = creditG();
    data.setClass(data.attribute("credit_amount"));
    AlgorithmSpec tree =
        AlgorithmSpec.parse("weka.classifiers.trees.REPTree -M 2 -V 0.001 -N 3 -S 1");
    Map<String, Object> honest = CrossValidationTrainer.train(data, tree, 5, 3).metrics();
    assertThat(FoldSpotCheck.disagreement(data, tree, 5, 3, CandidateMetrics.of(honest), 2))
        .isEmpty();
    assertThat(FoldSpotCheck.disagreement(data, tree, 5, 4, CandidateMetrics.of(honest), 2))
        .as("another seed")
        .isPresent();

    // a third of the rows repeated: repeated rows are kept in one fold, and the check rebuilds
    // those folds
    Instances repeated = creditG();
    for (int row = 0; row < 400; row++) {
      repeated.add((weka.core.Instance) repeated.instance(row).copy());
    }
    Map<String, Object> grouped = CrossValidationTrainer.train(repeated, J48, 10, 1).metrics();
    assertThat(((Map<?, ?>) grouped.get("folds")).get("grouped")).isEqualTo(true);
    for (int fold : new int[] {0, 5, 9}) {
      assertThat(
              FoldSpotCheck.disagreement(repeated, J48, 10, 1, CandidateMetrics.of(grouped), fold))
          .as("fold %d", fold + 1)
          .isEmpty();
    }
  }

  private static boolean disagrees(Instances data, Map<String, Object> metrics, int fold) {
    try {
      return FoldSpotCheck.disagreement(data, J48, 10, 1, CandidateMetrics.of(metrics), fold)
          .isPresent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> metrics) {
    Map<String, Object> copy = new LinkedHashMap<>(metrics);
    copy.put("folds", new LinkedHashMap<>((Map<String, Object>) metrics.get("folds")));
    return copy;
  }
}
