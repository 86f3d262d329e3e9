package ai.lepton.ml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The group figures on outcomes counted by hand. */
class GroupFairnessTest {

  /** {@code n} outcomes of a group: actual favourable, predicted favourable. */
  private static void add(
      List<GroupFairness.Outcome> outcomes,
      String group,
      int n,
      boolean actual,
      boolean predicted) {
    for (int i = 0; i < n; i++) {
      outcomes.add(new GroupFairness.Outcome(group, actual, predicted));
    }
  }

  @Test
  void ratesAndTheirGapsToTheLargestGroup() {
    List<GroupFairness.Outcome> outcomes = new ArrayList<>();
    // men: 60 rows; 40 actually good of which 36 predicted good; 20 bad of which 6 predicted good →
    // 42 selected
    add(outcomes, "male", 36, true, true);
    add(outcomes, "male", 4, true, false);
    add(outcomes, "male", 6, false, true);
    add(outcomes, "male", 14, false, false);
    // women: 40 rows; 20 actually good of which 12 predicted good; 20 bad of which 2 predicted good
    // → 14 selected
    add(outcomes, "female", 12, true, true);
    add(outcomes, "female", 8, true, false);
    add(outcomes, "female", 2, false, true);
    add(outcomes, "female", 18, false, false);

    GroupFairness.Assessment assessment = GroupFairness.assess("sex", "good", outcomes, null);

    assertThat(assessment.referenceGroup()).isEqualTo("male");
    GroupFairness.Group male = assessment.groups().get(0);
    GroupFairness.Group female = assessment.groups().get(1);
    assertThat(male.rows()).isEqualTo(60);
    assertThat(male.selectionRate()).isEqualTo(42.0 / 60);
    assertThat(male.truePositiveRate()).isEqualTo(36.0 / 40);
    assertThat(male.falsePositiveRate()).isEqualTo(6.0 / 20);
    assertThat(male.disparateImpact()).isEqualTo(1.0);
    assertThat(female.selectionRate()).isEqualTo(14.0 / 40);
    assertThat(female.truePositiveRate()).isEqualTo(12.0 / 20);
    assertThat(female.falsePositiveRate()).isEqualTo(2.0 / 20);
    assertThat(female.statisticalParityDifference()).isEqualTo(14.0 / 40 - 42.0 / 60);
    assertThat(female.disparateImpact())
        .isEqualTo((14.0 / 40) / (42.0 / 60)); // 0.5: under the four-fifths rule
    assertThat(female.equalOpportunityDifference()).isEqualTo(12.0 / 20 - 36.0 / 40);
    assertThat(assessment.lowestDisparateImpact()).isEqualTo(0.5);
    assertThat(assessment.leastFavouredGroup()).isEqualTo("female");
  }

  @Test
  void aNamedReferenceGroupAndAGroupWithNoFavourableActualsStayHonest() {
    List<GroupFairness.Outcome> outcomes = new ArrayList<>();
    add(outcomes, "a", 10, true, true);
    add(outcomes, "b", 5, false, false);
    GroupFairness.Assessment assessment = GroupFairness.assess("x", "good", outcomes, "b");
    assertThat(assessment.referenceGroup()).isEqualTo("b");
    // the reference selects nobody: no ratio can be formed, and none is made up
    assertThat(assessment.groups().get(0).disparateImpact()).isInfinite();
    assertThat(assessment.toMap().get("lowestDisparateImpact")).isNull();
    assertThat(assessment.groups().get(1).truePositiveRate()).isNaN();
  }

  @Test
  void requirementsLinesParseIntoAttributesAndBands() {
    assertThat(ProtectedAttribute.parse(" personal_status "))
        .isEqualTo(new ProtectedAttribute("personal_status", List.of()));
    assertThat(ProtectedAttribute.parse("age < 60, 25").cuts()).containsExactly(25.0, 60.0);
    assertThatThrownBy(() -> ProtectedAttribute.parse("age < young"))
        .hasMessageContaining("'age < 25'");
    assertThatThrownBy(() -> ProtectedAttribute.parse("< 25"))
        .hasMessageContaining("is not 'name'");
  }
}
