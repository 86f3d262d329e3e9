package ai.lepton.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the rule set named by the input parameter {@code ruleSet} to the scored record ({@code features}, a JSON
 * object, and {@code distribution}, a JSON object of class probabilities); writes {@code decision},
 * {@code rulesFired} and {@code decisionReason}. Bad input is a BPMN error a process can catch.
 */
@Component("applyRules")
public class ApplyRulesDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuleService rules;

  public ApplyRulesDelegate(RuleService rules) {
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuleSet ruleSet;
    try {
      ruleSet = RuleSet.of(String.valueOf(execution.getVariable("ruleSet")));
    } catch (UnknownRuleSetException e) {
      throw new BpmnError("UNKNOWN_RULE_SET", e.getMessage());
    }
    Map<String, Object> features = object(execution.getVariable("features"), "features",
        new TypeReference<Map<String, Object>>() {});
    Map<String, Double> distribution = object(execution.getVariable("distribution"), "distribution",
        new TypeReference<Map<String, Double>>() {});
    DecisionOutcome outcome;
    try {
      outcome = rules.apply(ruleSet, features, distribution);
    } catch (IllegalArgumentException e) {
      throw new BpmnError("INVALID_FEATURES", e.getMessage());
    }
    execution.setVariable("decision", outcome.getDecision());
    execution.setVariable("rulesFired", String.join("\n", outcome.getRulesFired()));
    execution.setVariable("decisionReason", outcome.getReason());
  }

  private static <T> T object(Object value, String name, TypeReference<T> type) {
    if (value == null) {
      throw new BpmnError("INVALID_FEATURES", "Process variable '" + name + "' is missing");
    }
    try {
      return JSON.readValue(value.toString(), type);
    } catch (JsonProcessingException e) {
      throw new BpmnError("INVALID_FEATURES", "'" + name + "' must be a JSON object: " + e.getOriginalMessage());
    }
  }
}
