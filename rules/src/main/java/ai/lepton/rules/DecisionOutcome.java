package ai.lepton.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What a rule set decided: the strongest decision any rule reached (rules may only raise it), every rule that fired,
 * and the reasons in the order they fired.
 */
public class DecisionOutcome {

  private final List<String> ranking;
  private String decision;
  private final List<String> rulesFired = new ArrayList<>();
  private final List<String> reasons = new ArrayList<>();

  /** @param ranking the rule set's decisions, weakest first; the first is the default */
  public DecisionOutcome(List<String> ranking) {
    this.ranking = List.copyOf(ranking);
    this.decision = ranking.get(0);
  }

  /** Called from a rule's consequence: raises the decision if {@code decision} is stronger, records why. */
  public void decide(String decision, String reason, String rule) {
    if (!ranking.contains(decision)) {
      throw new IllegalArgumentException("Rule '" + rule + "' decided '" + decision + "', not one of " + ranking);
    }
    if (ranking.indexOf(decision) > ranking.indexOf(this.decision)) {
      this.decision = decision;
    }
    rulesFired.add(rule);
    reasons.add(reason);
  }

  public String getDecision() {
    return decision;
  }

  public List<String> getRulesFired() {
    return List.copyOf(rulesFired);
  }

  public String getReason() {
    return reasons.isEmpty() ? "no rule applied: " + ranking.get(0) + " by default" : String.join("; ", reasons);
  }
}
