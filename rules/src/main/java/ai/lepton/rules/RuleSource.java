package ai.lepton.rules;

import java.util.Optional;

/**
 * Where the rule sets' versions come from: the one that decides now, and any one by number (for
 * replay).
 */
public interface RuleSource {

  /** The version that decides now. */
  RuleSetVersion active(RuleSet ruleSet);

  /** A version by number, if it exists. */
  Optional<RuleSetVersion> version(RuleSet ruleSet, int version);
}
