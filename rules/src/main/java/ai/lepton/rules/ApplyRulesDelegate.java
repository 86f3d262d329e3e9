package ai.lepton.rules;

import ai.lepton.process.BpmnErrorCode;
import ai.lepton.process.TextVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * An unknown rule set is the BPMN error {@code UNKNOWN_RULE_SET}; a missing or mistyped variable
 * {@code INVALID_FEATURES}.
 */
@Component("applyRules")
public class ApplyRulesDelegate implements JavaDelegate {

  private static final int TEXT_LIMIT = TextVariables.LIMIT;

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
      throw new BpmnError(BpmnErrorCode.UNKNOWN_RULE_SET.name(), e.getMessage());
    }
    DecisionOutcome outcome;
    try {
      outcome = rules.apply(ruleSet, execution::getVariable);
    } catch (IllegalArgumentException e) {
      throw new BpmnError(BpmnErrorCode.INVALID_FEATURES.name(), e.getMessage());
    }
    switch (ruleSet) {
      case DATA_QUALITY -> {
        execution.setVariable("qualityVerdict", outcome.getDecision());
        execution.setVariable(
            "qualityRulesFired", lines(outcome.getRulesFired().stream().distinct().toList()));
        execution.setVariable(
            "qualityFindings",
            outcome.getFindings().isEmpty()
                ? "PASS: no data-quality rule found anything to report"
                : fitted(
                    lines(
                        outcome.getFindings().stream()
                            .map(f -> f.decision() + ": " + f.reason())
                            .toList())));
        execution.setVariable(
            "qualityDropAttributes", String.join(",", outcome.getAttributesToDrop()));
        execution.setVariable("qualityOpenFindings", fitted(lines(outcome.reasonsFor("PASS"))));
      }
      case APPROVAL_POLICY -> {
        execution.setVariable("policyVerdict", outcome.getDecision());
        execution.setVariable(
            "policyRulesFired", lines(outcome.getRulesFired().stream().distinct().toList()));
        execution.setVariable("policyBlockers", fitted(lines(outcome.reasonsFor("BLOCK"))));
        execution.setVariable("policyWarnings", fitted(lines(outcome.reasonsFor("WARN"))));
      }
      case MAINTENANCE -> {
        execution.setVariable("maintenanceVerdict", outcome.getDecision());
        execution.setVariable(
            "maintenanceRulesFired", lines(outcome.getRulesFired().stream().distinct().toList()));
        execution.setVariable(
            "maintenanceFindings",
            fitted(
                lines(
                    outcome.getFindings().stream()
                        .map(f -> f.decision() + ": " + f.reason())
                        .toList())));
      }
      default -> {
        execution.setVariable("ruleSetVersion", outcome.getRuleSetVersion());
        execution.setVariable("ruleSetSha256", outcome.getRuleSetSha256());
        execution.setVariable("decision", outcome.getDecision());
        execution.setVariable("rulesFired", lines(outcome.getRulesFired()));
        execution.setVariable("decisionReason", outcome.getReason());
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
