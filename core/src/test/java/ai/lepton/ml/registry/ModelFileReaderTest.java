package ai.lepton.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Model files are read only when their hash matches, and only through the allow-list of Weka's
 * classes.
 */
class ModelFileReaderTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "weka.classifiers.trees.J48",
        "weka.classifiers.bayes.NaiveBayes",
        "weka.classifiers.functions.Logistic",
        "weka.classifiers.trees.RandomForest",
        "weka.classifiers.functions.MultilayerPerceptron",
        "weka.classifiers.trees.REPTree",
        "weka.classifiers.rules.ZeroR"
      })
  void everyModelLeptonTrainsPassesTheAllowList(String className) throws Exception {
    Instances data = creditG();
    Classifier model =
        AbstractClassifier.forName(
            className,
            className.endsWith("MultilayerPerceptron") ? new String[] {"-N", "20"} : new String[0]);
    model.buildClassifier(data);
    byte[] file = write(model, new Instances(data, 0));

    List<Object> read = ModelFileReader.read("mv-test", file, Sha256.hex(file));

    assertThat(read.get(0)).isInstanceOf(Classifier.class);
    assertThat(((Classifier) read.get(0)).distributionForInstance(data.instance(0)))
        .containsExactly(model.distributionForInstance(data.instance(0)));
    assertThat(((Instances) read.get(1)).equalHeaders(data)).isTrue();
  }

  @Test
  void aChangedFileIsRefusedBeforeItIsRead() throws Exception {
    Instances data = creditG();
    Classifier model = AbstractClassifier.forName("weka.classifiers.trees.J48", new String[0]);
    model.buildClassifier(data);
    byte[] file = write(model, new Instances(data, 0));
    String registered = Sha256.hex(file);
    file[file.length / 2] ^= 1;

    assertThatThrownBy(() -> ModelFileReader.read("mv-tampered", file, registered))
        .isInstanceOf(ModelIntegrityException.class)
        .hasMessageContaining("mv-tampered")
        .hasMessageContaining("not the " + registered);
  }

  @Test
  void aClassOutsideTheAllowListIsRejectedBeforeItIsInstantiated() throws Exception {
    Canary.read = false;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new Canary());
    }
    byte[] file = bytes.toByteArray();

    assertThatThrownBy(() -> ModelFileReader.read("mv-crafted", file, Sha256.hex(file)))
        .isInstanceOf(ModelIntegrityException.class)
        .hasMessageContaining("REJECTED");
    assertThat(Canary.read).as("the class's readObject never ran").isFalse();
  }

  /** Stands for a gadget class: it notes when Java deserialization reaches it. */
  static class Canary implements Serializable {
    static volatile boolean read;

    private void readObject(ObjectInputStream in)
        throws java.io.IOException, ClassNotFoundException {
      in.defaultReadObject();
      read = true;
    }
  }

  private static byte[] write(Classifier model, Instances header) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SerializationHelper.writeAll(out, new Object[] {model, header});
    return out.toByteArray();
  }

  private static Instances creditG() {
    return ai.lepton.ml.RealData.creditG();
  }
}
