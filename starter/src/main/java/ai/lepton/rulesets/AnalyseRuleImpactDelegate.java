package ai.lepton.rulesets;

import ai.lepton.process.ProcessVariables;
import ai.lepton.rules.RuleSetVersion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * *Analyse impact* of rule-change: the version the instance releases (its business key, the
 * record's DRL) replayed over the newest logged decisions of its rule set; {@code
 * ruleImpactSummary} and {@code ruleImpact} (JSON) for the risk officer's form. The approval keeps
 * the analysis computed again, not these variables.
 */
public class AnalyseRuleImpactDelegate implements JavaDelegate {

  private final RuleSetVersions versions;
  private final RuleImpact impact;

  public AnalyseRuleImpactDelegate(RuleSetVersions versions, RuleImpact impact) {
    this.versions = versions;
    this.impact = impact;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuleChangeKey key = RuleChangeKey.parse(execution.getProcessBusinessKey());
    RuleSetVersion proposed =
        versions
            .version(key.ruleSet(), key.version())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Rule set "
                            + key.ruleSet().wireName()
                            + " has no version "
                            + key.version()));
    var report = impact.of(key.ruleSet(), proposed);
    execution.setVariable(ProcessVariables.RULE_IMPACT_SUMMARY, report.get("summary"));
    execution.setVariable(
        ProcessVariables.RULE_IMPACT,
        Variables.objectValue(report)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
  }
}
