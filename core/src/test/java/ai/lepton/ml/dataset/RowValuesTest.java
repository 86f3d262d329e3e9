package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.RealData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The one way a record of named values becomes a Weka row, on German credit's header: what scoring
 * refuses and retraining counts is the caller's choice, the mapping is the same.
 */
class RowValuesTest {

  private final Instances credit = RealData.creditG();

  private Map<String, Object> firstApplicant() {
    return new HashMap<>(RowValues.of(credit, credit.instance(0)));
  }

  @Test
  void aRowReadBackAsValuesBecomesTheSameRow() {
    List<String> missing = new ArrayList<>();
    Instance row = RowValues.toRow(credit, firstApplicant(), -1, missing, refuse());

    assertThat(row.toDoubleArray()).containsExactly(credit.instance(0).toDoubleArray());
    assertThat(missing).isEmpty();
  }

  @Test
  void anAbsentValueAndTheLeftOutAttributeAreMissingAndOnlyTheAbsentOneIsNamed() {
    Map<String, Object> values = firstApplicant();
    values.remove("age");
    List<String> missing = new ArrayList<>();

    Instance row = RowValues.toRow(credit, values, credit.classIndex(), missing, refuse());

    assertThat(row.isMissing(credit.attribute("age"))).isTrue();
    assertThat(row.isMissing(credit.classIndex())).isTrue();
    assertThat(missing).containsExactly("age");
  }

  @Test
  void numbersMayArriveAsText() {
    Map<String, Object> values = firstApplicant();
    values.put("duration", " 24 ");
    values.put("age", 31);

    Instance row = RowValues.toRow(credit, values, -1, new ArrayList<>(), refuse());

    assertThat(row.value(credit.attribute("duration"))).isEqualTo(24.0);
    assertThat(row.value(credit.attribute("age"))).isEqualTo(31.0);
  }

  @Test
  void whatAnAttributeCannotHoldIsTheCallersToRefuseOrToMakeMissing() {
    Map<String, Object> values = firstApplicant();
    values.put("duration", "two years");
    values.put("purpose", "spaceship");

    assertThatThrownBy(() -> RowValues.toRow(credit, values, -1, new ArrayList<>(), refuse()))
        .hasMessage("duration: NOT_A_NUMBER");
    List<RowValues.Unreadable> seen = new ArrayList<>();
    Instance row =
        RowValues.toRow(
            credit,
            values,
            -1,
            new ArrayList<>(),
            (attribute, value, why) -> {
              seen.add(why);
              return Utils.missingValue();
            });
    assertThat(seen)
        .containsExactly(RowValues.Unreadable.NOT_A_NUMBER, RowValues.Unreadable.UNKNOWN_LABEL);
    assertThat(row.isMissing(credit.attribute("duration"))).isTrue();
    assertThat(row.isMissing(credit.attribute("purpose"))).isTrue();
  }

  private static RowValues.WhenUnreadable refuse() {
    return (attribute, value, why) -> {
      throw new IllegalArgumentException(attribute.name() + ": " + why);
    };
  }
}
