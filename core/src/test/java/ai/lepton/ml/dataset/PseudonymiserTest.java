package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

class PseudonymiserTest {

  private static final String CSV =
      "customer_id,email,tenure,churn\n"
          + "C-1001,ann@example.com,3,Yes\nC-1002,bob@example.com,40,No\nC-1001,ann@example.com,5,No\n";

  @Test
  void sameValueSameTokenUnderOneKeyAndNoRawValueLeft() {
    Pseudonymiser pseudonymiser = new Pseudonymiser("a-long-random-secret");
    Instances raw =
        DatasetReader.read(CSV.getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV).instances();

    Instances data = pseudonymiser.apply(raw, Set.of("customer_id", "email"));

    assertThat(data.instance(0).stringValue(0))
        .isEqualTo(data.instance(2).stringValue(0))
        .isEqualTo(pseudonymiser.token("C-1001"))
        .startsWith("p_")
        .hasSize(34);
    assertThat(data.instance(1).stringValue(0)).isNotEqualTo(data.instance(0).stringValue(0));
    assertThat(data.instance(1).value(2)).isEqualTo(40.0);
    String stored = new String(DatasetStore.toArff(data), StandardCharsets.UTF_8);
    assertThat(stored).doesNotContain("C-1001", "ann@example.com", "bob@example.com");
    assertThat(new Pseudonymiser("another-key").token("C-1001"))
        .isNotEqualTo(pseudonymiser.token("C-1001"));
  }

  @Test
  void badRowFieldsArePseudonymisedToo() {
    Pseudonymiser pseudonymiser = new Pseudonymiser("k");
    assertThat(pseudonymiser.apply(List.of("C-1", "ann@example.com", "x"), List.of(0, 1)))
        .containsExactly(pseudonymiser.token("C-1"), pseudonymiser.token("ann@example.com"), "x");
  }

  @Test
  void personalDataColumnsWithoutAKeyStopStartUp() {
    assertThatThrownBy(() -> new PersonalDataSettings("email, customer_id", ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[email, customer_id]")
        .hasMessageContaining("LEPTON_PII_KEY");
    assertThat(new PersonalDataSettings("", "").pseudonymiser()).isEmpty();
    assertThat(
            new PersonalDataSettings("email", "q3Vb0G7kz1mJc4pX9RtY2wNfH8sLdE6aUoKiBgTvZrM=")
                .columnsFor("phone, email"))
        .containsExactly("email", "phone");
  }
}
