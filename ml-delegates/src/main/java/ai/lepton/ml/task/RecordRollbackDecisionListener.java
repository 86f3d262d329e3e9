package ai.lepton.ml.task;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engine.AuditedRefusal;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.RollbackConfirmation;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A model risk officer's answer to a ROLLBACK verdict of the maintenance rules: {@code rollback}
 * (the previous version goes back live), {@code retrain} (keep the current one while a new one is
 * trained and approved) or {@code keep} (keep it and go on monitoring), always with a reason. Only
 * model risk officers may answer (checked here, not only by the task's candidate group); the answer
 * is kept in the registry for the live version of the engagement's model (the rollback step acts
 * only on it) and audited as ROLLBACK_CONFIRMED or ROLLBACK_DECLINED.
 */
@Component(ProcessBeans.RECORD_ROLLBACK_DECISION)
public class RecordRollbackDecisionListener implements TaskListener {

  public static final List<String> DECISIONS = List.of("rollback", "retrain", "keep");

  private final AuditTrail audit;
  private final ModelRegistry registry;
  private final RequirementsRecord requirements;

  public RecordRollbackDecisionListener(
      AuditTrail audit, ModelRegistry registry, RequirementsRecord requirements) {
    this.audit = audit;
    this.registry = registry;
    this.requirements = requirements;
  }

  @Override
  public void notify(DelegateTask task) {
    String officer = CurrentUser.of(task);
    if (officer == null || !CurrentUser.groups(task).contains(RecordApprovalListener.APPROVERS)) {
      String why =
          (officer == null ? "An anonymous user" : officer)
              + " is not a model risk officer and so cannot decide on a rollback";
      audit.refusal(
          officer,
          "model",
          Objects.toString(task.getVariable(ProcessVariables.MODEL_VERSION_ID), "unknown"),
          "complete task " + task.getTaskDefinitionKey(),
          why,
          Map.of(
              "taskId", task.getId(), "engagement", task.getExecution().getProcessBusinessKey()));
      throw new AuditedRefusal(why);
    }
    Object decision = task.getVariable(ProcessVariables.ROLLBACK_DECISION);
    if (!DECISIONS.contains(decision)) {
      throw new FormFieldValidationException(
          ProcessVariables.ROLLBACK_DECISION,
          "rollbackDecision must be one of " + DECISIONS + ", not '" + decision + "'");
    }
    String reason =
        Objects.toString(task.getVariable(ProcessVariables.ROLLBACK_REASON), "").strip();
    if (reason.isEmpty()) {
      throw new FormFieldValidationException(
          ProcessVariables.ROLLBACK_REASON, "A reason is required for a rollback decision");
    }
    String key = task.getExecution().getProcessBusinessKey();
    String modelName =
        requirements
            .latest(key)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Engagement " + key + " has no recorded requirements"))
            .modelName();
    String live =
        registry.deployedUnder(modelName).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new FormFieldValidationException(
                        ProcessVariables.ROLLBACK_DECISION,
                        "Model '" + modelName + "' has no live version now"));
    registry.recordRollbackConfirmation(
        new RollbackConfirmation(
            key, live, decision.toString(), officer, reason, task.getId(), Instant.now()));
    task.setVariable(ProcessVariables.ROLLBACK_CONFIRMED_BY, officer);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("engagement", task.getExecution().getProcessBusinessKey());
    payload.put("decision", decision);
    payload.put("reason", reason);
    payload.put("monitoringCheckId", task.getVariable(ProcessVariables.MONITORING_CHECK_ID));
    payload.put(
        "findings", Objects.toString(task.getVariable(ProcessVariables.MAINTENANCE_FINDINGS), ""));
    audit.append(
        officer,
        "rollback".equals(decision) ? "ROLLBACK_CONFIRMED" : "ROLLBACK_DECLINED",
        "model",
        live,
        payload);
  }
}
