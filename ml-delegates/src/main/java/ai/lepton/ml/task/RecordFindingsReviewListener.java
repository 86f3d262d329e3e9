package ai.lepton.ml.task;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A project manager's review of monitoring findings (a WARN verdict): {@code keep} monitoring or
 * {@code retrain} now, with a note of what was done (e.g. the client asked about a new customer
 * segment). Audited as MONITORING_FINDINGS_REVIEWED.
 */
@Component(ProcessBeans.RECORD_FINDINGS_REVIEW)
public class RecordFindingsReviewListener implements TaskListener {

  public static final List<String> DECISIONS = List.of("keep", "retrain");

  private final AuditTrail audit;

  public RecordFindingsReviewListener(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ProcessVariables.FINDINGS_DECISION);
    if (!DECISIONS.contains(decision)) {
      throw new FormFieldValidationException(
          ProcessVariables.FINDINGS_DECISION,
          "findingsDecision must be one of " + DECISIONS + ", not '" + decision + "'");
    }
    String note = Objects.toString(task.getVariable(ProcessVariables.FINDINGS_NOTE), "").strip();
    if (note.isEmpty()) {
      throw new FormFieldValidationException(
          ProcessVariables.FINDINGS_NOTE, "Say what was done about the findings");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("engagement", task.getExecution().getProcessBusinessKey());
    payload.put("decision", decision);
    payload.put("note", note);
    payload.put("monitoringCheckId", task.getVariable(ProcessVariables.MONITORING_CHECK_ID));
    payload.put(
        "findings", Objects.toString(task.getVariable(ProcessVariables.MAINTENANCE_FINDINGS), ""));
    String reviewer = CurrentUser.of(task);
    audit.append(
        reviewer,
        "MONITORING_FINDINGS_REVIEWED",
        "model",
        Objects.toString(task.getVariable(ProcessVariables.MODEL_VERSION_ID)),
        payload);
  }
}
