package ai.lepton.ml.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an attribute that alone does much of what the whole data does is called leakage ({@code
 * lepton.quality.leakage.*}): dropped before training when its skill alone reaches {@code
 * dropShare} of all attributes' together and is at least {@code dropSkill}; shown to the approver
 * (a finding, the approval policy's WARN) from {@code warnShare} and {@code warnSkill}. The
 * defaults come from the real datasets in the repository (BENCHMARKS.md, "Leakage thresholds"): a
 * copy of the target with 2 %, 5 % or 15 % of rows flipped reaches 0.97–1.00 of the reference at
 * kappa 0.67–0.96; the strongest honest attribute of credit-g, diabetes, wa_churn, mlc_churn and
 * ames reaches at most 0.77 of it at skill 0.39 or less (diabetes' plas: 0.77 at 0.32).
 */
@Component
public class LeakageThresholds {

  private final double dropShare;
  private final double dropSkill;
  private final double warnShare;
  private final double warnSkill;
  private final int maxRows;

  public LeakageThresholds(
      @Value("${lepton.quality.leakage.drop-share:0.9}") double dropShare,
      @Value("${lepton.quality.leakage.drop-skill:0.6}") double dropSkill,
      @Value("${lepton.quality.leakage.warn-share:0.8}") double warnShare,
      @Value("${lepton.quality.leakage.warn-skill:0.45}") double warnSkill,
      @Value("${lepton.quality.leakage.max-rows:20000}") int maxRows) {
    this.dropShare = dropShare;
    this.dropSkill = dropSkill;
    this.warnShare = warnShare;
    this.warnSkill = warnSkill;
    this.maxRows = maxRows;
  }

  public int maxRows() {
    return maxRows;
  }

  /** As the profile records them, for the rules and the record. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("dropShare", dropShare);
    map.put("dropSkill", dropSkill);
    map.put("warnShare", warnShare);
    map.put("warnSkill", warnSkill);
    return map;
  }
}
