package ai.lepton.ml.engagement;

import java.util.Set;

/**
 * The decision rule sets a model can be used with (the rules module's prediction rule sets, by
 * name).
 */
public interface RuleSetCatalogue {

  Set<String> decisionRuleSets();
}
