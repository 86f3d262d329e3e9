package ai.lepton.ml.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.lepton.ml.dataset.DatasetReader;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/**
 * Drift on the real wa_churn customers: none between random halves, plenty between new and
 * long-standing ones.
 */
class DriftCalculatorTest {

  private static Instances customers;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in =
        DriftCalculatorTest.class.getClassLoader().getResourceAsStream("data/wa_churn.csv")) {
      customers = DatasetReader.read(in.readAllBytes(), null, "wa_churn").instances();
    }
  }

  @Test
  void psiFollowsItsDefinition() {
    assertThat(DriftCalculator.psi(new double[] {50, 50}, new double[] {5, 5})).isZero();
    // (0.9 - 0.5) ln(0.9/0.5) + (0.1 - 0.5) ln(0.1/0.5)
    assertThat(DriftCalculator.psi(new double[] {50, 50}, new double[] {90, 10}))
        .isCloseTo(0.4 * Math.log(1.8) + 0.4 * Math.log(5), within(1e-12));
  }

  @Test
  void twoRandomHalvesOfTheSameCustomersDoNotDrift() {
    Instances shuffled = new Instances(customers);
    shuffled.randomize(new Random(42));
    int half = shuffled.numInstances() / 2;
    Instances training = new Instances(shuffled, 0, half);
    Instances recent = new Instances(shuffled, half, shuffled.numInstances() - half);

    List<DriftCalculator.AttributeDrift> drift =
        DriftCalculator.compare(training, recent, List.of("churn"));

    assertThat(drift)
        .hasSize(customers.numAttributes() - 1)
        .allSatisfy(d -> assertThat(d.psi()).as(d.attribute()).isLessThan(0.1));
    assertThat(drift)
        .filteredOn(d -> d.type().equals("numeric"))
        .allSatisfy(d -> assertThat(d.ksPValue()).as(d.attribute()).isGreaterThan(0.01));
  }

  @Test
  void newCustomersAgainstLongStandingOnesDriftOnTenureAndWhatGoesWithIt() {
    int tenure = customers.attribute("tenure").index();
    Instances young = new Instances(customers, 0);
    Instances loyal = new Instances(customers, 0);
    customers.forEach(
        row -> {
          if (row.value(tenure) < 24) {
            young.add(row);
          } else if (row.value(tenure) >= 48) {
            loyal.add(row);
          }
        });

    Map<String, DriftCalculator.AttributeDrift> drift =
        DriftCalculator.compare(young, loyal, List.of("churn")).stream()
            .collect(Collectors.toMap(DriftCalculator.AttributeDrift::attribute, d -> d));

    assertThat(drift.get("tenure").psi()).isGreaterThan(0.25);
    assertThat(drift.get("tenure").ksStatistic()).isEqualTo(1.0);
    assertThat(drift.get("tenure").ksPValue()).isLessThan(1e-6);
    assertThat(drift.get("total_charges").psi()).isGreaterThan(0.25);
    assertThat(drift.get("contract").psi()).isGreaterThan(0.25);
  }
}
