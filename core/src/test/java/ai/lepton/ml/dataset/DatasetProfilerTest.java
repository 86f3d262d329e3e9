package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.Instances;

/** The profile's figures for the data-quality rules, on credit-g from the Weka jar. */
class DatasetProfilerTest {

  @Test
  void anAttributeCopiedFromTheClassIsPureWhileOrdinaryOnesAreNearTheMajorityShare()
      throws Exception {
    Instances data = creditG();
    Attribute leak = new Attribute("collection_status", List.of("closed", "in_collection"));
    data.insertAttributeAt(leak, data.classIndex());
    int leakIndex = data.classIndex() - 1;
    for (int r = 0; r < data.numInstances(); r++) {
      data.instance(r).setValue(leakIndex, data.instance(r).classValue());
    }

    Map<String, Object> profile = DatasetProfiler.profile(data, "class");

    assertThat(profile.get("majorityShare")).isEqualTo(0.7);
    assertThat(attribute(profile, "collection_status").get("targetPurity")).isEqualTo(1.0);
    // checking_status: majority class per value; credit_amount: the best single threshold
    assertThat((double) attribute(profile, "checking_status").get("targetPurity"))
        .isBetween(0.7, 0.8);
    assertThat((double) attribute(profile, "credit_amount").get("targetPurity"))
        .isBetween(0.7, 0.8);
    assertThat(attribute(profile, "credit_amount").get("integerValued")).isEqualTo(true);
  }

  @Test
  void aNumericTargetGetsCorrelationsInstead() throws Exception {
    Instances data = creditG();
    Map<String, Object> profile = DatasetProfiler.profile(data, "credit_amount");
    assertThat(profile).doesNotContainKey("majorityShare");
    double durationCorrelation = (double) attribute(profile, "duration").get("targetCorrelation");
    assertThat(durationCorrelation)
        .isBetween(0.6, 0.65); // credit-g: amount and duration correlate at about 0.62
    assertThat(attribute(profile, "checking_status")).doesNotContainKey("targetCorrelation");
  }

  @Test
  void everyProfileTheProfilerWritesIsADatasetProfileWithNothingLeftOver() throws Exception {
    Instances credit = creditG();
    Attribute note = new Attribute("note", (List<String>) null);
    credit.insertAttributeAt(note, 0);
    for (int r = 0; r < credit.numInstances(); r++) {
      credit
          .instance(r)
          .setValue(0, "the applicant asked for a loan to buy a used car in spring " + r % 7);
    }
    Map<String, Object> classification = DatasetProfiler.profile(credit, "class", List.of("note"));
    // the profile step adds how each attribute was measured alone (ProfileDatasetStep)
    Map<String, Object> leakage =
        new java.util.LinkedHashMap<>(
            Map.of(
                "measure",
                "weightedAreaUnderROC",
                "reference",
                "all attributes",
                "referenceSkill",
                0.77,
                "rows",
                1000,
                "folds",
                10,
                "seed",
                1));
    leakage.putAll(new ai.lepton.ml.training.LeakageThresholds(0.9, 0.6, 0.75, 0.45, 5000).asMap());
    classification.put("leakage", leakage);
    attribute(classification, "duration").put("aloneSkill", 0.61);
    attribute(classification, "duration").put("aloneShare", 0.79);

    DatasetProfile profile = DatasetProfile.strictly(classification);
    assertThat(profile.rows()).isEqualTo(1000);
    assertThat(profile.classBalance()).containsEntry("good", 700L).containsEntry("bad", 300L);
    assertThat(profile.attribute("note").orElseThrow().text()).isTrue();
    assertThat(profile.attribute("duration").orElseThrow().aloneShare()).isEqualTo(0.79);
    assertThat(profile.leakage().warnShare()).isEqualTo(0.75);

    for (String numericTarget : List.of("credit_amount", "duration")) {
      assertThat(DatasetProfile.strictly(DatasetProfiler.profile(creditG(), numericTarget)).rows())
          .isEqualTo(1000);
    }
    Instances wine = ai.lepton.ml.RealData.arff("wine");
    assertThat(DatasetProfile.strictly(DatasetProfiler.profile(wine, "Fortified")).attributes())
        .extracting(DatasetProfile.AttributeProfile::name)
        .contains("Date", "Fortified", "Red");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attribute(Map<String, Object> profile, String name) {
    return ((List<Map<String, Object>>) profile.get("attributes"))
        .stream().filter(a -> name.equals(a.get("name"))).findFirst().orElseThrow();
  }

  private static Instances creditG() {
    return ai.lepton.ml.RealData.creditG();
  }
}
