package ai.lepton.ml.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Drift of free text on its vocabulary, on real news: the Reuters grain training stories against
 * the held-out test stories (the same news a few weeks on: stable), against grain stories only (a
 * feed that changed its mix: drift), and against text in another language (words the model never
 * saw).
 */
class TextDriftTest {

  static String[] training;
  static String[] test;
  static String[] grainOnly;

  @BeforeAll
  static void read() throws Exception {
    training = texts("ReutersGrain-train.arff", -1);
    test = texts("ReutersGrain-test.arff", -1);
    grainOnly = texts("ReutersGrain-test.arff", 1);
  }

  static String[] texts(String file, int onlyClass) throws Exception {
    Instances data = new DataSource(Path.of("../datasets", file).toString()).getDataSet();
    data.setClass(data.attribute("class-att"));
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < data.numInstances(); i++) {
      if (onlyClass < 0 || (int) data.instance(i).classValue() == onlyClass) {
        texts.add(data.instance(i).stringValue(data.attribute("Text")));
      }
    }
    return texts.toArray(String[]::new);
  }

  @Test
  void heldOutNewsIsStableAndAChangedMixIsDrift() {
    DriftCalculator.AttributeDrift stable = TextDrift.compare("Text", training, test);
    DriftCalculator.AttributeDrift shifted = TextDrift.compare("Text", training, grainOnly);
    System.out.printf(
        "held-out PSI %.4f unseen %.4f (training %.4f); grain only PSI %.4f unseen %.4f%n",
        stable.psi(),
        stable.unseenWordShare(),
        stable.trainingUnseenWordShare(),
        shifted.psi(),
        shifted.unseenWordShare());
    assertThat(stable.type()).isEqualTo("text");
    assertThat(stable.psi()).isLessThan(0.1);
    assertThat(shifted.psi()).isGreaterThan(0.25);
    // new stories bring new names: about as many unseen words as the training stories' own halves
    // show
    assertThat(stable.unseenWordShare()).isBetween(0.0, stable.trainingUnseenWordShare() * 2);
    assertThat(stable.asMap()).containsKeys("unseenWordShare", "trainingUnseenWordShare");
  }

  @Test
  void textInWordsTheTrainingNeverHadIsSeenAsUnseenWords() {
    String[] foreign = {
      "Die Getreidepreise stiegen in der vergangenen Woche deutlich an, berichtete die Börse.",
      "Les exportations de blé ont fortement augmenté selon le ministère de l'agriculture."
    };
    DriftCalculator.AttributeDrift drift = TextDrift.compare("Text", training, foreign);
    assertThat(drift.unseenWordShare()).isGreaterThan(0.6);
    assertThat(drift.unseenWordShare()).isGreaterThan(5 * drift.trainingUnseenWordShare());
  }

  @Test
  void aTextAttributeIsComparedOnItsWordsNotAsOneLabelPerStory() throws Exception {
    Instances train = new DataSource("../datasets/ReutersGrain-train.arff").getDataSet();
    Instances recent = new DataSource("../datasets/ReutersGrain-test.arff").getDataSet();
    List<DriftCalculator.AttributeDrift> drift =
        DriftCalculator.compare(train, recent, List.of("class-att"));
    assertThat(drift)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.type()).isEqualTo("text");
              assertThat(d.psi()).isLessThan(0.1);
            });
    Map<String, Object> shown = drift.get(0).asMap();
    assertThat(shown.get("unseenWordShare")).isNotNull();
  }
}
