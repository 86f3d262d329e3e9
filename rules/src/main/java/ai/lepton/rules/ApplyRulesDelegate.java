package ai.lepton.rules;

import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.process.BpmnErrorCode;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import ai.lepton.process.TextVariables;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Applies the rule set named by the input parameter {@code ruleSet} to the process variables it
 * reads, and writes what it decided:
 *
 * <ul>
 *   <li>prediction rule sets ({@code churn-retention}, {@code credit-decision}) read {@code
 *       features} and {@code distribution}, write {@code decision}, {@code rulesFired} and {@code
 *       decisionReason};
 *   <li>{@code data-quality} reads {@code datasetProfile} and {@code targetAttribute}, writes
 *       {@code qualityVerdict} (PASS, CLEAN, REJECT), {@code qualityFindings} (one line per
 *       finding), {@code qualityDropAttributes} (the attributes preparation removes) and {@code
 *       qualityOpenFindings} (findings no fix resolves);
 *   <li>{@code approval-policy} reads {@code championMetrics}, {@code successMetric}, {@code
 *       successThreshold}, {@code championMeetsThreshold} and {@code qualityOpenFindings}, writes
 *       {@code policyVerdict} (CLEAR, WARN, BLOCK), {@code policyBlockers} and {@code
 *       policyWarnings};
 *   <li>{@code maintenance} reads {@code monitoringResult} (JSON: drifted attribute counts, recent
 *       and baseline accuracy, labelled outcomes, whether an earlier version exists), writes {@code
 *       maintenanceVerdict} (OK, WARN, RETRAIN, ROLLBACK), {@code maintenanceFindings}.
 * </ul>
 *
 * The target, the success metric and threshold and the fairness floor are the engagement's recorded
 * requirements, read by its key ({@link RequirementsRecord}), not the variables of those names. An
 * unknown rule set is the BPMN error {@code UNKNOWN_RULE_SET}; a missing or mistyped variable
 * {@code INVALID_FEATURES}.
 */
@Component(ProcessBeans.APPLY_RULES)
public class ApplyRulesDelegate implements JavaDelegate {

  private static final int TEXT_LIMIT = TextVariables.LIMIT;

  private final RuleService rules;
  private final RequirementsRecord requirements;

  /**
   * @param requirements where the lifecycle rule sets read the engagement's requirements (its
   *     target, success criterion and fairness floor), by the engagement's key
   */
  @Autowired
  public ApplyRulesDelegate(RuleService rules, RequirementsRecord requirements) {
    this.rules = rules;
    this.requirements = requirements;
  }

  /** For the rule sets that decide on predictions alone (no engagement's requirements). */
  public ApplyRulesDelegate(RuleService rules) {
    this(rules, null);
  }

  /**
   * What the rule set reads: the process's variables, except that a rule set judging the
   * engagement's own lifecycle reads its requirements from the record, by the engagement's key,
   * never from a variable someone could have set since.
   */
  private Function<String, Object> variables(RuleSet ruleSet, DelegateExecution execution) {
    if (!ruleSet.readsRequirements()) {
      return execution::getVariable;
    }
    if (requirements == null) {
      throw new IllegalStateException(
          "The rule set " + ruleSet.wireName() + " reads the requirements' record, none is wired");
    }
    Map<String, Object> recorded = requirements.variables(execution.getProcessBusinessKey());
    return name -> recorded.containsKey(name) ? recorded.get(name) : execution.getVariable(name);
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuleSet ruleSet;
    try {
      ruleSet = RuleSet.of(String.valueOf(execution.getVariable(ProcessVariables.RULE_SET)));
    } catch (UnknownRuleSetException e) {
      throw new BpmnError(BpmnErrorCode.UNKNOWN_RULE_SET.name(), e.getMessage());
    }
    DecisionOutcome outcome;
    try {
      outcome = rules.apply(ruleSet, variables(ruleSet, execution));
    } catch (IllegalArgumentException e) {
      throw new BpmnError(BpmnErrorCode.INVALID_FEATURES.name(), e.getMessage());
    }
    switch (ruleSet) {
      case DATA_QUALITY -> {
        execution.setVariable(ProcessVariables.QUALITY_VERDICT, outcome.getDecision());
        execution.setVariable(
            ProcessVariables.QUALITY_RULES_FIRED,
            lines(outcome.getRulesFired().stream().distinct().toList()));
        execution.setVariable(
            ProcessVariables.QUALITY_FINDINGS,
            outcome.getFindings().isEmpty()
                ? "PASS: no data-quality rule found anything to report"
                : fitted(
                    lines(
                        outcome.getFindings().stream()
                            .map(f -> f.decision() + ": " + f.reason())
                            .toList())));
        execution.setVariable(
            ProcessVariables.QUALITY_DROP_ATTRIBUTES,
            String.join(",", outcome.getAttributesToDrop()));
        execution.setVariable(
            ProcessVariables.QUALITY_OPEN_FINDINGS, fitted(lines(outcome.reasonsFor("PASS"))));
      }
      case APPROVAL_POLICY -> {
        execution.setVariable(ProcessVariables.POLICY_VERDICT, outcome.getDecision());
        execution.setVariable(
            ProcessVariables.POLICY_RULES_FIRED,
            lines(outcome.getRulesFired().stream().distinct().toList()));
        execution.setVariable(
            ProcessVariables.POLICY_BLOCKERS, fitted(lines(outcome.reasonsFor("BLOCK"))));
        execution.setVariable(
            ProcessVariables.POLICY_WARNINGS, fitted(lines(outcome.reasonsFor("WARN"))));
      }
      case MAINTENANCE -> {
        execution.setVariable(ProcessVariables.MAINTENANCE_VERDICT, outcome.getDecision());
        execution.setVariable(
            ProcessVariables.MAINTENANCE_RULES_FIRED,
            lines(outcome.getRulesFired().stream().distinct().toList()));
        execution.setVariable(
            ProcessVariables.MAINTENANCE_FINDINGS,
            fitted(
                lines(
                    outcome.getFindings().stream()
                        .map(f -> f.decision() + ": " + f.reason())
                        .toList())));
      }
      default -> {
        execution.setVariable(ProcessVariables.RULE_SET_VERSION, outcome.getRuleSetVersion());
        execution.setVariable(ProcessVariables.RULE_SET_SHA256, outcome.getRuleSetSha256());
        execution.setVariable(ProcessVariables.DECISION, outcome.getDecision());
        execution.setVariable(ProcessVariables.RULES_FIRED, lines(outcome.getRulesFired()));
        execution.setVariable(ProcessVariables.DECISION_REASON, outcome.getReason());
      }
    }
  }

  private static String lines(List<String> lines) {
    return String.join("\n", lines);
  }

  /**
   * Camunda keeps a text variable in 4,000 characters; a dataset with very many findings keeps its
   * first lines and says how many more there were (the rules give the same findings again from the
   * dataset's stored profile).
   */
  static String fitted(String text) {
    if (text.length() <= TEXT_LIMIT) {
      return text;
    }
    List<String> kept = new java.util.ArrayList<>();
    int length = 0;
    List<String> all = text.lines().toList();
    for (String line : all) {
      if (length + line.length() + 1 > TEXT_LIMIT - 60) {
        break;
      }
      kept.add(line);
      length += line.length() + 1;
    }
    kept.add("… and " + (all.size() - kept.size()) + " more findings");
    return String.join("\n", kept);
  }
}
