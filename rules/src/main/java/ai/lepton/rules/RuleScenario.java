package ai.lepton.rules;

import java.util.List;
import java.util.Map;

/**
 * A test scenario that travels with a rule set version: the facts given (the variables the rule set
 * reads, e.g. {@code features} and {@code distribution} for a decision rule set), the decision
 * expected and, if named, the rules expected to fire.
 *
 * @param expectRulesFired null: not checked
 */
public record RuleScenario(
    String name, Map<String, Object> given, String expectDecision, List<String> expectRulesFired) {

  /** How a scenario came out under a version. */
  public record Result(
      String name, boolean passed, String decision, List<String> rulesFired, String why) {}

  /** Runs this scenario under the version. */
  public Result runOn(RuleService rules, RuleSet ruleSet, RuleSetVersion version) {
    DecisionOutcome outcome;
    try {
      outcome = rules.apply(ruleSet, version, given::get);
    } catch (IllegalArgumentException e) {
      return new Result(
          name, false, null, List.of(), "its facts do not suit the rule set: " + e.getMessage());
    }
    List<String> fired = outcome.getRulesFired().stream().distinct().toList();
    if (!outcome.getDecision().equals(expectDecision)) {
      return new Result(
          name,
          false,
          outcome.getDecision(),
          fired,
          "expected " + expectDecision + ", decided " + outcome.getDecision());
    }
    if (expectRulesFired != null && !List.copyOf(expectRulesFired).equals(fired)) {
      return new Result(
          name,
          false,
          outcome.getDecision(),
          fired,
          "expected the rules " + expectRulesFired + " to fire, fired " + fired);
    }
    return new Result(name, true, outcome.getDecision(), fired, null);
  }
}
