package ai.lepton.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs Lepton's rule sets: the version that decides now ({@link RuleSource#active}), or a given one
 * (replay). Each version is compiled once, on first use, and kept by its SHA-256: compiling costs
 * seconds, executing a stateless session microseconds. Every outcome names the version that took
 * it.
 */
@Component
public class RuleService {

  private final RuleSource source;
  private final Map<String, KieBase> compiled = new ConcurrentHashMap<>();

  /** The rule sets of Lepton's jar, each its version 1, compiled now. */
  public RuleService() {
    this(new JarRules());
    for (RuleSet ruleSet : RuleSet.values()) {
      kieBase(ruleSet, source.active(ruleSet));
    }
  }

  @Autowired
  public RuleService(RuleSource source) {
    this.source = source;
  }

  /**
   * @param features the record, attribute name → value
   * @param distribution the model's class probabilities, label → probability
   */
  public DecisionOutcome apply(
      RuleSet ruleSet, Map<String, Object> features, Map<String, ?> distribution) {
    return apply(ruleSet, source.active(ruleSet), features, distribution);
  }

  /** As {@link #apply(RuleSet, Map, Map)}, with a given version (a replay, an impact analysis). */
  public DecisionOutcome apply(
      RuleSet ruleSet,
      RuleSetVersion version,
      Map<String, Object> features,
      Map<String, ?> distribution) {
    return apply(ruleSet, version, features, distribution, Map.of());
  }

  /**
   * As {@link #apply(RuleSet, RuleSetVersion, Map, Map)}, with the business facts the rule set
   * reads beside the record ({@code context}: the client a news item is about, the alerts about it
   * within the window).
   */
  public DecisionOutcome apply(
      RuleSet ruleSet,
      RuleSetVersion version,
      Map<String, Object> features,
      Map<String, ?> distribution,
      Map<String, Object> context) {
    return apply(
        ruleSet,
        version,
        name ->
            switch (name) {
              case "features" -> features;
              case "distribution" -> distribution;
              case "context" -> context;
              default -> null;
            });
  }

  /**
   * Runs a rule set on the facts it reads from variables (process variables, or what an API caller
   * sent).
   *
   * @throws IllegalArgumentException when a variable the rule set needs is missing or of the wrong
   *     type
   */
  public DecisionOutcome apply(RuleSet ruleSet, Function<String, Object> variables) {
    return apply(ruleSet, source.active(ruleSet), variables);
  }

  /** Runs one given version of a rule set (a replay, or a version not yet active). */
  public DecisionOutcome apply(
      RuleSet ruleSet, RuleSetVersion version, Function<String, Object> variables) {
    List<Object> facts = new ArrayList<>(ruleSet.facts(variables));
    DecisionOutcome outcome =
        new DecisionOutcome(ruleSet.decisions(), version.version(), version.sha256());
    facts.add(outcome);
    kieBase(ruleSet, version).newStatelessKieSession().execute(facts);
    return outcome;
  }

  /** The versions this service reads. */
  public RuleSource source() {
    return source;
  }

  private KieBase kieBase(RuleSet ruleSet, RuleSetVersion version) {
    return compiled.computeIfAbsent(
        version.sha256(), sha -> RuleCompiler.compile(ruleSet, version));
  }
}
