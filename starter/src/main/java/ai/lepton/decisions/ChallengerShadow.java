package ai.lepton.decisions;

import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.DecisionShadow;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.rules.DecisionOutcome;
import ai.lepton.rules.RuleService;
import ai.lepton.rules.RuleSet;
import java.util.Map;
import java.util.Optional;

/**
 * The challenger's answer to a live decision's record: scored by the version on trial (no
 * explanation) and decided by the same rule set. Any failure of the challenger leaves the live
 * decision as it is, unshadowed.
 */
public class ChallengerShadow implements DecisionShadow {

  private final RecordScorer scorer;
  private final RuleService rules;

  public ChallengerShadow(RecordScorer scorer, RuleService rules) {
    this.scorer = scorer;
    this.rules = rules;
  }

  @Override
  public Optional<DecisionLog.ShadowAnswer> answer(
      String modelName, String ruleSet, Map<String, Object> features) {
    return scorer
        .scoreInShadow(modelName, features)
        .flatMap(
            score -> {
              try {
                DecisionOutcome outcome =
                    rules.apply(RuleSet.of(ruleSet), features, score.distribution());
                return Optional.of(
                    new DecisionLog.ShadowAnswer(
                        score.modelVersionId(),
                        score.prediction(),
                        score.probability(),
                        outcome.getDecision()));
              } catch (RuntimeException rulesCannotDecide) {
                return Optional.empty();
              }
            });
  }
}
