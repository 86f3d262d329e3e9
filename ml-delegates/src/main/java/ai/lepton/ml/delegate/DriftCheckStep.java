package ai.lepton.ml.delegate;

import ai.lepton.ml.monitoring.MonitoringService;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.StatusChange;
import ai.lepton.ml.work.ExternalStep;
import ai.lepton.process.BpmnErrorCode;
import ai.lepton.process.ExternalTopic;
import ai.lepton.process.ProcessVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/**
 * <em>Check drift and accuracy</em>: one monitoring check of the engagement's live model version
 * ({@code modelVersionId}), its decisions and the engagement's monitoring data since it went live,
 * against its training data and its approved accuracy; an external task on {@code
 * lepton-check-drift}, so a check over many decisions is held with a short lock its worker extends.
 * Answers {@code monitoringResult} (JSON, what the maintenance rules read), {@code
 * monitoringCheckId} and {@code monitoringSummary} (the most drifted attributes, for the people who
 * review the findings). A check that fails is retried, then an incident on the step. A version no
 * longer live (replaced by another engagement's deployment) is the BPMN error {@code
 * MODEL_NOT_LIVE}: the engagement's maintenance ends.
 */
@Component
public class DriftCheckStep implements ExternalStep {

  /**
   * BPMN error when the version was replaced (deployed by another engagement, or rolled back from
   * elsewhere).
   */
  public static final String MODEL_NOT_LIVE = BpmnErrorCode.MODEL_NOT_LIVE.name();

  private final MonitoringService monitoring;
  private final ModelRegistry registry;

  public DriftCheckStep(MonitoringService monitoring, ModelRegistry registry) {
    this.monitoring = monitoring;
    this.registry = registry;
  }

  @Override
  public ExternalTopic topic() {
    return ExternalTopic.CHECK_DRIFT;
  }

  @Override
  public List<String> variables() {
    return List.of("modelVersionId");
  }

  @Override
  public Map<String, Object> work(LockedExternalTask task) {
    String versionId = ExternalStep.required(task, ProcessVariables.MODEL_VERSION_ID);
    ModelStatus status = registry.currentStatus(versionId);
    if (status != ModelStatus.DEPLOYED) {
      List<StatusChange> history = registry.statusHistory(versionId);
      String why =
          String.format(
              "Model version %s is %s (%s): this engagement's model is no longer live, so its"
                  + " maintenance ends",
              versionId, status, history.get(history.size() - 1).reason());
      throw new ProcessError(MODEL_NOT_LIVE, why, Map.of("maintenanceEndReason", why));
    }
    Map<String, Object> result =
        monitoring.check(versionId, task.getBusinessKey(), ModelRegistry.SYSTEM);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("monitoringResult", JsonVariables.of(MonitoringService.summary(result)));
    variables.put("monitoringCheckId", result.get("checkId"));
    variables.put("monitoringSummary", summary(result));
    return variables;
  }

  @SuppressWarnings("unchecked")
  static String summary(Map<String, Object> result) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%s rows checked (%s decisions, %d monitoring dataset(s)).",
                result.get("recentRows"),
                ((Map<String, Object>) result.get("source")).get("decisions"),
                ((List<?>) ((Map<String, Object>) result.get("source")).get("monitoringDatasets"))
                    .size()));
    Object accuracy = result.get("recentAccuracy");
    if (accuracy != null) {
      text.append(
          String.format(
              " Accuracy %.3f on %s known outcome(s), %.3f when approved.",
              accuracy, result.get("labelledOutcomes"), result.get("baselineAccuracy")));
    }
    List<Map<String, Object>> attributes = (List<Map<String, Object>>) result.get("attributes");
    attributes.stream()
        .filter(a -> a.get("psi") instanceof Double psi && !psi.isNaN())
        .sorted((a, b) -> Double.compare((Double) b.get("psi"), (Double) a.get("psi")))
        .limit(5)
        .forEach(
            a ->
                text.append(
                    String.format(
                        "%n%s: PSI %.3f%s",
                        a.get("attribute"),
                        a.get("psi"),
                        a.get("ksPValue") == null
                            ? ""
                            : String.format(
                                ", KS %.3f (p %.3g)", a.get("ksStatistic"), a.get("ksPValue")))));
    return text.toString();
  }
}
