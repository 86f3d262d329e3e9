package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import weka.classifiers.trees.J48;

class AlgorithmSpecTest {

  @Test
  void readsClassNameAndOptionsAsWekaWritesThem() {
    AlgorithmSpec spec = AlgorithmSpec.parse("  weka.classifiers.trees.J48 -C 0.1 -M 5 ");
    assertThat(spec.className()).isEqualTo("weka.classifiers.trees.J48");
    assertThat(spec.options()).isEqualTo("-C 0.1 -M 5");
    J48 j48 = (J48) spec.newClassifier();
    assertThat(j48.getConfidenceFactor()).isEqualTo(0.1f);
    assertThat(j48.getMinNumObj()).isEqualTo(5);
  }

  @Test
  void unknownClassIsAClearError() {
    assertThatThrownBy(() -> AlgorithmSpec.parse("weka.classifiers.trees.J99"))
        .isInstanceOf(InvalidAlgorithmException.class)
        .hasMessage("Weka has no classifier named 'weka.classifiers.trees.J99'");
  }

  @Test
  void nonWekaClassIsRefused() {
    assertThatThrownBy(() -> AlgorithmSpec.parse("java.lang.Runtime"))
        .isInstanceOf(InvalidAlgorithmException.class)
        .hasMessageContaining("not a Weka classifier");
    assertThatThrownBy(() -> AlgorithmSpec.parse("weka.classifiers.Evaluation"))
        .isInstanceOf(InvalidAlgorithmException.class)
        .hasMessageContaining("not a classifier");
  }

  @Test
  void badOptionStringIsAClearError() {
    assertThatThrownBy(() -> AlgorithmSpec.parse("weka.classifiers.trees.J48 -C notanumber"))
        .isInstanceOf(InvalidAlgorithmException.class)
        .hasMessageStartingWith(
            "Weka refuses the options '-C notanumber' for weka.classifiers.trees.J48");
    assertThatThrownBy(() -> AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayes -Z 3"))
        .isInstanceOf(InvalidAlgorithmException.class)
        .hasMessageContaining("-Z");
    assertThatThrownBy(() -> AlgorithmSpec.parse("weka.classifiers.trees.J48 -C \"0.25"))
        .isInstanceOf(InvalidAlgorithmException.class);
  }

  @Test
  void listReadsOneAlgorithmPerLineAndSkipsBlankLines() {
    assertThat(
            AlgorithmList.parse(
                "weka.classifiers.trees.J48\n\n weka.classifiers.bayes.NaiveBayes \r\n"))
        .extracting(AlgorithmSpec::simpleName)
        .containsExactly("J48", "NaiveBayes");
    assertThatThrownBy(() -> AlgorithmList.parse(" \n "))
        .isInstanceOf(InvalidAlgorithmException.class);
  }
}
