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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attribute(Map<String, Object> profile, String name) {
    return ((List<Map<String, Object>>) profile.get("attributes"))
        .stream().filter(a -> name.equals(a.get("name"))).findFirst().orElseThrow();
  }

  private static Instances creditG() {
    return ai.lepton.ml.RealData.creditG();
  }
}
