package ai.lepton.ml.scoring;

import java.util.Map;
import java.util.Optional;

/**
 * What the challenger on trial under a model name would have answered to a record the live model
 * decides on: its prediction and the decision the same rule set takes on it. Empty when no
 * challenger is on trial, or when it cannot score the record; it never changes the live answer.
 * Lepton's starter provides it (the rule sets live there).
 */
@FunctionalInterface
public interface DecisionShadow {

  /** No challenger ever: what a host without Lepton's rule sets gets. */
  DecisionShadow NONE = (modelName, ruleSet, features) -> Optional.empty();

  Optional<DecisionLog.ShadowAnswer> answer(
      String modelName, String ruleSet, Map<String, Object> features);
}
