package ai.lepton.rulesets;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * *Release version* of rule-change: the version the instance releases goes to work (ACTIVE; the one
 * before it RETIRED), only if a model risk officer's approval of it is on record; otherwise an
 * incident, nothing changed.
 */
public class ActivateRuleSetVersionDelegate implements JavaDelegate {

  private final RuleSetVersions versions;

  public ActivateRuleSetVersionDelegate(RuleSetVersions versions) {
    this.versions = versions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuleChangeKey key = RuleChangeKey.parse(execution.getProcessBusinessKey());
    versions.activate(versions.find(key.ruleSet(), key.version()).orElseThrow());
  }
}
