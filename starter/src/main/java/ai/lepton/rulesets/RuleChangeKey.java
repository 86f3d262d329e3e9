package ai.lepton.rulesets;

import ai.lepton.rules.RuleSet;

/**
 * The business key of a rule-change instance, {@code rules:credit-decision:v2}: which version it
 * releases. Lepton's API sets it when the author submits; the steps read the version from it and
 * from the record, never from variables.
 */
public record RuleChangeKey(RuleSet ruleSet, int version) {

  public static RuleChangeKey parse(String businessKey) {
    String[] parts = businessKey == null ? new String[0] : businessKey.split(":");
    if (parts.length != 3 || !parts[0].equals("rules") || !parts[2].startsWith("v")) {
      throw new IllegalArgumentException(
          "'" + businessKey + "' is not a rule change's key (rules:<rule set>:v<n>)");
    }
    return new RuleChangeKey(RuleSet.of(parts[1]), Integer.parseInt(parts[2].substring(1)));
  }

  @Override
  public String toString() {
    return "rules:" + ruleSet.wireName() + ":v" + version;
  }
}
