package ai.lepton.ml.task;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.audit.AuditedRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A model risk officer's answer to a ROLLBACK verdict of the maintenance rules: {@code rollback} (the previous
 * version goes back live), {@code retrain} (keep the current one while a new one is trained and approved) or
 * {@code keep} (keep it and go on monitoring), always with a reason. Only model risk officers may answer (checked
 * here, not only by the task's candidate group); the answer is audited as ROLLBACK_CONFIRMED or ROLLBACK_DECLINED.
 */
@Component("recordRollbackDecision")
public class RecordRollbackDecisionListener implements TaskListener {

  public static final List<String> DECISIONS = List.of("rollback", "retrain", "keep");

  private final AuditTrail audit;

  public RecordRollbackDecisionListener(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    String officer = CurrentUser.of(task);
    if (officer == null || !CurrentUser.groups(task).contains(RecordApprovalListener.APPROVERS)) {
      String why = (officer == null ? "An anonymous user" : officer)
          + " is not a model risk officer and so cannot decide on a rollback";
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("action", "complete task " + task.getTaskDefinitionKey());
      payload.put("taskId", task.getId());
      payload.put("engagement", task.getExecution().getProcessBusinessKey());
      payload.put("reason", why);
      audit.appendRegardless(officer, "AUTHORIZATION_REFUSED", "model",
          Objects.toString(task.getVariable("modelVersionId"), "unknown"), payload);
      throw new AuditedRefusal(why);
    }
    Object decision = task.getVariable("rollbackDecision");
    if (!DECISIONS.contains(decision)) {
      throw new FormFieldValidationException("rollbackDecision",
          "rollbackDecision must be one of " + DECISIONS + ", not '" + decision + "'");
    }
    String reason = Objects.toString(task.getVariable("rollbackReason"), "").strip();
    if (reason.isEmpty()) {
      throw new FormFieldValidationException("rollbackReason", "A reason is required for a rollback decision");
    }
    task.setVariable("rollbackConfirmedBy", officer);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("engagement", task.getExecution().getProcessBusinessKey());
    payload.put("decision", decision);
    payload.put("reason", reason);
    payload.put("monitoringCheckId", task.getVariable("monitoringCheckId"));
    payload.put("findings", Objects.toString(task.getVariable("maintenanceFindings"), ""));
    audit.append(officer, "rollback".equals(decision) ? "ROLLBACK_CONFIRMED" : "ROLLBACK_DECLINED", "model",
        Objects.toString(task.getVariable("modelVersionId")), payload);
  }
}
