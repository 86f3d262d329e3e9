package ai.lepton.ml.task;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.audit.AuditedRefusal;
import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Enforces the four-eyes rule on model approval and records the decision: the approver must be logged in, must not
 * have started the engagement nor completed its requirements, and must give a reason either way. Approving over a
 * blocker of the approval policy ({@code policyBlockers}) needs an {@code overrideReason}; the policy's verdict, the
 * quality findings and the override are kept with the approval as the evidence the approver saw.
 */
@Component("recordApproval")
public class RecordApprovalListener implements TaskListener {

  /** Only members of this group may approve or reject a model. */
  public static final String APPROVERS = "model-risk-officers";

  private final ModelRegistry registry;
  private final AuditTrail audit;

  public RecordApprovalListener(ModelRegistry registry, AuditTrail audit) {
    this.registry = registry;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    String approver = CurrentUser.of(task);
    if (approver == null) {
      throw refused(task, null, "A model can only be approved or rejected by a logged-in user");
    }
    if (!CurrentUser.groups(task).contains(APPROVERS)) {
      throw refused(task, approver, approver + " is not a model risk officer and so cannot approve or reject models");
    }
    if (approver.equals(task.getVariable("initiator"))) {
      throw refused(task, approver, approver + " started this engagement and so cannot approve its model");
    }
    if (approver.equals(task.getVariable("requirementsCompletedBy"))) {
      throw refused(task, approver, approver + " set this engagement's requirements and so cannot approve its model");
    }
    Boolean approved = decision(task.getVariable("approved"));
    Object reason = task.getVariable("approvalReason");
    if (reason == null || reason.toString().isBlank()) {
      throw new FormFieldValidationException("approvalReason", "A reason is required to approve or reject a model");
    }
    String blockers = Objects.toString(task.getVariable("policyBlockers"), "");
    String override = Objects.toString(task.getVariable("overrideReason"), "").strip();
    if (approved && !blockers.isBlank() && override.isEmpty()) {
      throw new FormFieldValidationException("overrideReason", "The approval policy blocks this model ("
          + blockers.lines().findFirst().orElse("") + "); approving it anyway needs an override reason");
    }
    ModelVersion version = registry.get(Objects.toString(task.getVariable("modelVersionId")));
    Map<String, Object> evidence = evidence(version);
    evidence.put("policyVerdict", task.getVariable("policyVerdict"));
    evidence.put("policyBlockers", lines(blockers));
    evidence.put("policyWarnings", lines(Objects.toString(task.getVariable("policyWarnings"), "")));
    evidence.put("qualityVerdict", task.getVariable("qualityVerdict"));
    evidence.put("qualityFindings", lines(Objects.toString(task.getVariable("qualityFindings"), "")));
    if (approved && !blockers.isBlank()) {
      evidence.put("overrideReason", override);
    }
    registry.recordApproval(new Approval(version.id(), version.engagementKey(), approved, approver,
        reason.toString().strip(), evidence, task.getId(), Instant.now()));
    task.setVariable("approved", approved);
    task.setVariable("approvedBy", approver);
  }

  /** The refusal, audited in a transaction of its own (the task's own transaction rolls back). */
  private AuditedRefusal refused(DelegateTask task, String user, String why) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("action", "complete task " + task.getTaskDefinitionKey());
    payload.put("taskId", task.getId());
    payload.put("engagement", task.getExecution().getProcessBusinessKey());
    payload.put("reason", why);
    audit.appendRegardless(user, "AUTHORIZATION_REFUSED", "model",
        Objects.toString(task.getVariable("modelVersionId"), "unknown"), payload);
    return new AuditedRefusal(why);
  }

  private static List<String> lines(String text) {
    return text.lines().filter(line -> !line.isBlank()).toList();
  }

  private static Boolean decision(Object value) {
    if (value instanceof Boolean decided) {
      return decided;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    throw new FormFieldValidationException("approved", "approved must be true (approve) or false (reject)");
  }

  /** What the approver saw: the version's identity, its data and its cross-validation metrics. */
  private static Map<String, Object> evidence(ModelVersion version) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("modelVersionId", version.id());
    evidence.put("algorithm", version.algorithm() + " " + version.options());
    evidence.put("modelSha256", version.modelSha256());
    evidence.put("datasetId", version.datasetId());
    evidence.put("datasetSha256", version.datasetSha256());
    evidence.put("folds", version.folds());
    evidence.put("seed", version.seed());
    evidence.put("metrics", version.metrics());
    return evidence;
  }
}
