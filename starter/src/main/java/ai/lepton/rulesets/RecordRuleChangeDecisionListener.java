package ai.lepton.rulesets;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engine.AuditedRefusal;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.process.ProcessVariables;
import ai.lepton.rules.RuleSetVersion;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * *Approve rule change*, four eyes on facts from the record: the logged-in user is a model risk
 * officer who neither wrote the version (its author in Lepton's table) nor submitted it (the
 * instance's start user in Camunda's history); a reason either way. The impact analysis computed
 * again now is kept with the decision as its evidence.
 */
public class RecordRuleChangeDecisionListener implements TaskListener {

  private final RuleSetVersions versions;
  private final RuleImpact impact;
  private final AuditTrail audit;

  public RecordRuleChangeDecisionListener(
      RuleSetVersions versions, RuleImpact impact, AuditTrail audit) {
    this.versions = versions;
    this.impact = impact;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    RuleChangeKey key = RuleChangeKey.parse(task.getExecution().getProcessBusinessKey());
    RuleSetVersions.Stored version = versions.find(key.ruleSet(), key.version()).orElseThrow();
    String officer = CurrentUser.of(task);
    String breach =
        officer == null
            ? "A rule change can only be approved or rejected by a logged-in user"
            : !CurrentUser.groups(task).contains(LeptonGroups.MODEL_RISK_OFFICERS)
                ? officer
                    + " is not a model risk officer and so cannot approve or reject rule changes"
                : officer.equals(version.author())
                    ? officer + " wrote this version and so cannot approve it"
                    : officer.equals(CurrentUser.startUserOf(task))
                        ? officer + " submitted this version and so cannot approve it"
                        : null;
    if (breach != null) {
      audit.refusal(
          officer,
          "rule-set",
          version.id(),
          "complete task " + task.getTaskDefinitionKey(),
          breach,
          Map.of("taskId", task.getId(), "ruleChange", key.toString()));
      throw new AuditedRefusal(breach);
    }
    Object approved = task.getVariable(ProcessVariables.APPROVED);
    if (!(approved instanceof Boolean) && !"true".equals(approved) && !"false".equals(approved)) {
      throw new FormFieldValidationException(
          ProcessVariables.APPROVED, "approved must be true (release) or false (reject)");
    }
    String reason =
        Objects.toString(task.getVariable(ProcessVariables.APPROVAL_REASON), "").strip();
    if (reason.isEmpty()) {
      throw new FormFieldValidationException(
          ProcessVariables.APPROVAL_REASON, "A reason is required either way");
    }
    RuleSetVersion proposed = versions.version(key.ruleSet(), key.version()).orElseThrow();
    boolean release = Boolean.parseBoolean(approved.toString());
    versions.decide(version, release, officer, reason, impact.of(key.ruleSet(), proposed));
    task.setVariable(ProcessVariables.APPROVED, release);
  }
}
