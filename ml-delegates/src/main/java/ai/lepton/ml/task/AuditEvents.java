package ai.lepton.ml.task;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Audit entries a process model asks for in its execution listeners, e.g. {@code
 * <camunda:executionListener expression="${audit.engagementClosed(execution)}" event="end" />}: the
 * engagement opened and closed, the data-quality verdict and the maintenance verdict. Each entry is
 * written in the step's own transaction.
 */
@Component(ProcessBeans.AUDIT)
public class AuditEvents {

  private final AuditTrail trail;

  public AuditEvents(AuditTrail trail) {
    this.trail = trail;
  }

  /** As the engagement leaves its start event (its business key set): ENGAGEMENT_OPENED. */
  public void engagementOpened(DelegateExecution execution) {
    Map<String, Object> payload = engagementPayload(execution);
    payload.put("initiator", actor(execution));
    trail.append(
        actor(execution),
        "ENGAGEMENT_OPENED",
        "engagement",
        execution.getProcessBusinessKey(),
        payload);
  }

  /** As the engagement process ends, whichever end it reached: ENGAGEMENT_CLOSED. */
  public void engagementClosed(DelegateExecution execution) {
    Map<String, Object> payload = engagementPayload(execution);
    payload.put("endEvent", execution.getCurrentActivityId());
    payload.put("modelVersionId", execution.getVariable(ProcessVariables.MODEL_VERSION_ID));
    payload.put("approved", execution.getVariable(ProcessVariables.APPROVED));
    // who closed it is whoever is logged in now (Lepton's close call), never a variable anyone
    // could have set
    payload.put(
        "closedBy",
        "EndEvent_EngagementClosed".equals(execution.getCurrentActivityId())
            ? actor(execution)
            : null);
    payload.put("closeReason", execution.getVariable(ProcessVariables.CLOSE_REASON));
    trail.append(
        actor(execution),
        "ENGAGEMENT_CLOSED",
        "engagement",
        execution.getProcessBusinessKey(),
        payload);
  }

  private static Map<String, Object> engagementPayload(DelegateExecution execution) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("processInstanceId", execution.getProcessInstanceId());
    payload.put("client", execution.getVariable(ProcessVariables.CLIENT));
    payload.put("engagementName", execution.getVariable(ProcessVariables.ENGAGEMENT_NAME));
    return payload;
  }

  /**
   * After the data-quality rules: QUALITY_VERDICT with the dataset, the verdict, the findings and
   * the fixes.
   */
  public void qualityVerdict(DelegateExecution execution) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("engagement", execution.getProcessBusinessKey());
    payload.put("datasetSha256", execution.getVariable(ProcessVariables.DATASET_SHA256));
    payload.put("verdict", execution.getVariable(ProcessVariables.QUALITY_VERDICT));
    payload.put("findings", lines(execution.getVariable(ProcessVariables.QUALITY_FINDINGS)));
    payload.put(
        "droppedAttributes",
        lines(
            Objects.toString(execution.getVariable(ProcessVariables.QUALITY_DROP_ATTRIBUTES), "")
                .replace(',', '\n')));
    trail.append(
        actor(execution),
        "QUALITY_VERDICT",
        "dataset",
        String.valueOf(execution.getVariable(ProcessVariables.DATASET_ID)),
        payload);
  }

  /**
   * After the maintenance rules: MAINTENANCE_VERDICT on the monitored model version, with the check
   * it judged.
   */
  public void maintenanceVerdict(DelegateExecution execution) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("engagement", execution.getProcessBusinessKey());
    payload.put("monitoringCheckId", execution.getVariable(ProcessVariables.MONITORING_CHECK_ID));
    payload.put("verdict", execution.getVariable(ProcessVariables.MAINTENANCE_VERDICT));
    payload.put("findings", lines(execution.getVariable(ProcessVariables.MAINTENANCE_FINDINGS)));
    payload.put(
        "rulesFired", lines(execution.getVariable(ProcessVariables.MAINTENANCE_RULES_FIRED)));
    trail.append(
        actor(execution),
        "MAINTENANCE_VERDICT",
        "model",
        String.valueOf(execution.getVariable(ProcessVariables.MODEL_VERSION_ID)),
        payload);
  }

  private static List<String> lines(Object text) {
    return text == null ? List.of() : text.toString().lines().filter(l -> !l.isBlank()).toList();
  }

  private static String actor(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? "lepton" : authentication.getUserId();
  }
}
