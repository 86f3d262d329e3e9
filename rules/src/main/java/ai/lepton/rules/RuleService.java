package ai.lepton.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.springframework.stereotype.Component;

/**
 * Runs Lepton's rule sets. The KieContainer (every rule set of {@code META-INF/kmodule.xml}) is built
 * once, when the service is created: building costs seconds, executing a stateless session microseconds.
 */
@Component
public class RuleService {

  private final KieContainer container;

  public RuleService() {
    this.container = KieServices.Factory.get().getKieClasspathContainer(RuleService.class.getClassLoader());
    for (RuleSet ruleSet : RuleSet.values()) {
      container.getKieBase(ruleSet.session().replace("KS", "KB")); // compile every rule set now, not on first use
    }
  }

  /**
   * @param features the record, attribute name → value
   * @param distribution the model's class probabilities, label → probability
   */
  public DecisionOutcome apply(RuleSet ruleSet, Map<String, Object> features, Map<String, Double> distribution) {
    return apply(ruleSet, name -> switch (name) {
      case "features" -> features;
      case "distribution" -> distribution;
      default -> null;
    });
  }

  /**
   * Runs a rule set on the facts it reads from variables (process variables, or what an API caller sent).
   *
   * @throws IllegalArgumentException when a variable the rule set needs is missing or of the wrong type
   */
  public DecisionOutcome apply(RuleSet ruleSet, Function<String, Object> variables) {
    List<Object> facts = new ArrayList<>(ruleSet.facts(variables));
    DecisionOutcome outcome = new DecisionOutcome(ruleSet.decisions());
    facts.add(outcome);
    container.newStatelessKieSession(ruleSet.session()).execute(facts);
    return outcome;
  }
}
