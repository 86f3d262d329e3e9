package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * What Lepton stores as ARFF (derived and pseudonymised datasets) reads back as exactly the data it
 * was.
 */
class StoredArffTest {

  private static Instances readBack(Instances data) {
    return DatasetReader.read(DatasetStore.toArff(data), DatasetFormat.ARFF).instances();
  }

  private static void assertSameValues(Instances stored, Instances original) {
    assertThat(stored.numInstances()).isEqualTo(original.numInstances());
    assertThat(stored.numAttributes()).isEqualTo(original.numAttributes());
    for (int row = 0; row < original.numInstances(); row++) {
      for (int column = 0; column < original.numAttributes(); column++) {
        if (original.instance(row).isMissing(column)) {
          assertThat(stored.instance(row).isMissing(column))
              .as("row %d column %d", row, column)
              .isTrue();
        } else if (original.attribute(column).isNumeric()) {
          assertThat(stored.instance(row).value(column))
              .as("row %d column %d", row, column)
              .isEqualTo(original.instance(row).value(column));
        } else {
          assertThat(stored.instance(row).stringValue(column))
              .as("row %d column %d", row, column)
              .isEqualTo(original.instance(row).stringValue(column));
        }
      }
    }
  }

  @Test
  void numbersWithMoreThanSixDecimalsAndTinyOnesAreKeptExactly() {
    ArrayList<Attribute> attributes =
        new ArrayList<>(
            List.of(
                new Attribute("price"),
                new Attribute("rate"),
                new Attribute("big"),
                new Attribute("label", List.of("a b", "it's", "c")),
                new Attribute("note", (List<String>) null),
                new Attribute("day", "yyyy-MM-dd")));
    Instances data = new Instances("numbers", attributes, 0);
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      double[] values = new double[6];
      values[0] = random.nextDouble();
      values[1] = random.nextDouble() * 1e-9;
      values[2] = Math.exp(random.nextGaussian() * 30);
      values[3] = i % 3;
      values[4] = data.attribute(4).addStringValue("note, with 'quotes' " + i);
      values[5] = 86_400_000.0 * (18_000 + i);
      DenseInstance row = new DenseInstance(1.0, values);
      if (i % 50 == 0) {
        row.setMissing(i % 6);
      }
      data.add(row);
    }
    data.instance(3).setWeight(2.5);

    Instances stored = readBack(data);

    assertSameValues(stored, data);
    assertThat(stored.instance(3).weight()).isEqualTo(2.5);
  }

  @Test
  void aRealSeriesWithTenSignificantDigitsIsStoredAsReceived() throws Exception {
    Instances roads = ai.lepton.ml.RealData.arff("seatbelts");
    assertThat(roads.instance(0).value(roads.attribute("PetrolPrice"))).isEqualTo(0.1029718118);
    assertSameValues(readBack(roads), roads);
    assertThat(new String(DatasetStore.toArff(roads), StandardCharsets.UTF_8))
        .contains("1969-01-01,107,1687,867,269");
  }
}
