package ai.lepton.engine;

import ai.lepton.ml.engagement.RuleSetCatalogue;
import ai.lepton.rules.RuleSet;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * The rules module's decision rule sets, for requirements that name the ones an engagement's models
 * may use.
 */
@ConditionalOnMissingBean(value = RuleSetCatalogue.class, ignored = DecisionRuleSets.class)
@Component
public class DecisionRuleSets implements RuleSetCatalogue {

  @Override
  public Set<String> decisionRuleSets() {
    return Arrays.stream(RuleSet.values())
        .filter(RuleSet::decidesOnPredictions)
        .map(RuleSet::wireName)
        .collect(Collectors.toUnmodifiableSet());
  }
}
