package ai.lepton.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rule set decided: the strongest decision any rule reached (rules may only raise it), every
 * rule that fired with the decision it asked for and why, and the attributes the rules want dropped
 * (data-quality fixes).
 */
public class DecisionOutcome {

  /** One fired rule: its name, the decision it asked for and the reason in words. */
  public record Finding(String rule, String decision, String reason) {}

  private final List<String> ranking;
  private String decision;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> attributesToDrop = new LinkedHashSet<>();

  private final int ruleSetVersion;
  private final String ruleSetSha256;

  /**
   * @param ranking the rule set's decisions, weakest first; the first is the default
   */
  public DecisionOutcome(List<String> ranking) {
    this(ranking, 0, null);
  }

  /**
   * As {@link #DecisionOutcome(List)}, taken by the given version of the rule set (its number and
   * SHA-256).
   */
  public DecisionOutcome(List<String> ranking, int ruleSetVersion, String ruleSetSha256) {
    this.ranking = List.copyOf(ranking);
    this.decision = ranking.get(0);
    this.ruleSetVersion = ruleSetVersion;
    this.ruleSetSha256 = ruleSetSha256;
  }

  /** The number of the rule set's version that took this outcome (0: not known). */
  public int getRuleSetVersion() {
    return ruleSetVersion;
  }

  public String getRuleSetSha256() {
    return ruleSetSha256;
  }

  /**
   * Called from a rule's consequence: raises the decision if {@code decision} is stronger, records
   * why.
   */
  public void decide(String decision, String reason, String rule) {
    if (!ranking.contains(decision)) {
      throw new IllegalArgumentException(
          "Rule '" + rule + "' decided '" + decision + "', not one of " + ranking);
    }
    if (ranking.indexOf(decision) > ranking.indexOf(this.decision)) {
      this.decision = decision;
    }
    findings.add(new Finding(rule, decision, reason));
  }

  /**
   * Called from a data-quality rule: the attribute is to be removed before training, which is
   * decision CLEAN.
   */
  public void dropAttribute(String attribute, String reason, String rule) {
    decide("CLEAN", reason + ": " + attribute + " is dropped", rule);
    attributesToDrop.add(attribute);
  }

  public String getDecision() {
    return decision;
  }

  public List<String> getRulesFired() {
    return findings.stream().map(Finding::rule).toList();
  }

  public List<Finding> getFindings() {
    return List.copyOf(findings);
  }

  /** The reasons of the rules that asked for exactly this decision. */
  public List<String> reasonsFor(String decision) {
    return findings.stream()
        .filter(f -> f.decision().equals(decision))
        .map(Finding::reason)
        .toList();
  }

  public List<String> getAttributesToDrop() {
    return List.copyOf(attributesToDrop);
  }

  public String getReason() {
    return findings.isEmpty()
        ? "no rule applied: " + ranking.get(0) + " by default"
        : String.join("; ", findings.stream().map(Finding::reason).toList());
  }
}
