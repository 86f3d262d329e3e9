package ai.lepton.api;

import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.training.SuccessMetric;
import ai.lepton.process.ProcessKey;
import ai.lepton.process.ProcessVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Every engagement the caller may see, at a glance: client and name, the lifecycle phase it is in
 * (not a BPMN id), who or what it waits on and since when, the champion against its threshold, the
 * approval, the live version, the last monitoring verdict and open incidents. Read with the
 * caller's own Camunda authorizations (a group without history rights on engagements sees none), in
 * a fixed number of queries whatever the number of engagements; the registry is read for the page
 * shown only.
 */
@Service
public class EngagementOverview {

  /** The lifecycle phase of each step, in the order a project manager thinks of them. */
  static final Map<String, String> PHASES =
      Map.ofEntries(
          Map.entry("Task_AnalyseRequirements", "requirements"),
          Map.entry("Task_AwaitDataset", "data collection"),
          Map.entry("Task_ChaseClient", "data collection"),
          Map.entry("Task_RequestNewData", "data collection"),
          Map.entry("Task_ProfileDataset", "data quality"),
          Map.entry("Task_CheckDataQuality", "data quality"),
          Map.entry("Task_PrepareDataset", "data quality"),
          Map.entry("Task_TrainCandidate", "training"),
          Map.entry("Task_SelectChampion", "training"),
          Map.entry("Task_ReviewTrainingResult", "training"),
          Map.entry("Task_CheckApprovalPolicy", "approval"),
          Map.entry("Task_ApproveModel", "approval"),
          Map.entry("Task_DeployModel", "deployment"));

  private static final Set<String> WAITING_ON_CLIENT =
      Set.of("Task_AwaitDataset", "Task_ChaseClient", "Task_RequestNewData");

  /**
   * One engagement's line; {@code processInstanceId} opens it in Cockpit, {@code taskId} (the open
   * user task, if the engagement waits on one) in Tasklist.
   */
  public record Line(
      String engagementId,
      String processInstanceId,
      String client,
      String name,
      String phase,
      String status,
      String currentStep,
      String waitingOn,
      String taskId,
      Date since,
      boolean waitingTooLong,
      Map<String, Object> champion,
      String approval,
      String liveModelVersionId,
      String monitoringVerdict,
      long openIncidents,
      String startedBy,
      Date startedAt,
      Date endedAt) {}

  /** A page of lines, and how many matched in all. */
  public record Page(List<Line> engagements, int page, int size, long total) {}

  /** The filters a caller may give; null or blank: no filter. */
  public record Filter(
      String client, String phase, String status, String q, String processInstanceId) {}

  private final HistoryService history;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ModelRegistry registry;
  private final RequirementsRecord requirements;
  private final Duration waitingAlertAfter;
  private final Map<String, Map<String, String>> candidatesByDefinition = new ConcurrentHashMap<>();

  public EngagementOverview(
      HistoryService history,
      RuntimeService runtime,
      RepositoryService repository,
      ModelRegistry registry,
      RequirementsRecord requirements,
      @Value("${lepton.engagements.waiting-alert-after:P3D}") Duration waitingAlertAfter) {
    this.waitingAlertAfter = waitingAlertAfter;
    this.history = history;
    this.runtime = runtime;
    this.repository = repository;
    this.registry = registry;
    this.requirements = requirements;
  }

  public Page list(Filter filter, String sort, int page, int size) {
    List<HistoricProcessInstance> instances =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessKey.AI_ENGAGEMENT.key())
            .list();
    if (instances.isEmpty()) {
      return new Page(List.of(), page, size, 0);
    }
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Set<String> idSet = Set.of(ids);
    // by name, not by a list of a thousand instance ids (one IN clause per id costs more than it
    // saves)
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .variableNameIn(
                ProcessVariables.CLIENT,
                ProcessVariables.ENGAGEMENT_NAME,
                ProcessVariables.MAINTENANCE_VERDICT)
            .disableCustomObjectDeserialization()
            .list()) {
      if (idSet.contains(variable.getProcessInstanceId())) {
        variables
            .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    Map<String, List<HistoricActivityInstance>> open =
        history.createHistoricActivityInstanceQuery().unfinished().list().stream()
            .filter(a -> idSet.contains(a.getProcessInstanceId()))
            .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
    Map<String, Long> incidents =
        runtime.createIncidentQuery().list().stream()
            .filter(i -> idSet.contains(i.getProcessInstanceId()))
            .collect(Collectors.groupingBy(Incident::getProcessInstanceId, Collectors.counting()));

    List<Line> lines = new ArrayList<>();
    Instant now = Instant.now();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
      HistoricActivityInstance step = currentStep(open.getOrDefault(instance.getId(), List.of()));
      boolean ended = instance.getEndTime() != null;
      long incidentCount = incidents.getOrDefault(instance.getId(), 0L);
      String stepId = step == null ? null : step.getActivityId();
      String phase =
          ended
              ? "closed"
              : stepId == null
                  ? "starting"
                  : PHASES.getOrDefault(
                      stepId,
                      inMaintenance(open.get(instance.getId())) ? "maintenance" : "running");
      String status = status(ended, incidentCount, stepId, phase);
      lines.add(
          new Line(
              instance.getBusinessKey(),
              instance.getId(),
              text(values.get("client")),
              text(values.get("engagementName")),
              phase,
              status,
              step == null ? null : step.getActivityName(),
              ended ? null : waitingOn(instance.getProcessDefinitionId(), step),
              step == null ? null : step.getTaskId(),
              step == null ? null : step.getStartTime(),
              !ended
                  && step != null
                  && waitingOnSomeone(step)
                  && step.getStartTime().toInstant().plus(waitingAlertAfter).isBefore(now),
              null,
              null,
              null,
              text(values.get("maintenanceVerdict")),
              incidentCount,
              instance.getStartUserId(),
              instance.getStartTime(),
              instance.getEndTime()));
    }
    List<Line> matching =
        lines.stream().filter(line -> matches(line, filter)).sorted(order(sort)).toList();
    int from = Math.min(page * size, matching.size());
    List<Line> shown =
        matching.subList(from, Math.min(from + size, matching.size())).stream()
            .map(this::withModels)
            .toList();
    return new Page(shown, page, size, matching.size());
  }

  /**
   * An engagement's status on the list. {@code stepId} is null for an instance read between two of
   * its steps (its open activities are queried after the instances: one that moved on in between
   * has none open yet).
   */
  static String status(boolean ended, long incidentCount, String stepId, String phase) {
    return ended
        ? "closed"
        : incidentCount > 0
            ? "has-incident"
            : "Task_ApproveModel".equals(stepId)
                ? "awaiting-approval"
                : stepId != null && WAITING_ON_CLIENT.contains(stepId)
                    ? "waiting-on-client"
                    : "maintenance".equals(phase) ? "in-maintenance" : "active";
  }

  /**
   * The champion against its threshold, the approval and the live version, from the registry and
   * the record.
   */
  private Line withModels(Line line) {
    List<ModelVersion> versions = registry.findByEngagement(line.engagementId());
    if (versions.isEmpty()) {
      return line;
    }
    Map<String, ModelStatus> statuses = new LinkedHashMap<>();
    versions.forEach(version -> statuses.put(version.id(), registry.currentStatus(version.id())));
    String live =
        statuses.entrySet().stream()
            .filter(e -> e.getValue() == ModelStatus.DEPLOYED)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    Map<String, Object> champion = null;
    String approval = null;
    ModelVersion best = registry.championOf(line.engagementId()).orElse(null);
    if (best == null && live != null) {
      best = versions.stream().filter(v -> v.id().equals(live)).findFirst().orElse(null);
    }
    Requirements recorded = requirements.latest(line.engagementId()).orElse(null);
    if (best != null && recorded != null) {
      champion = new LinkedHashMap<>();
      champion.put("modelVersionId", best.id());
      champion.put("algorithm", best.algorithm());
      champion.put("metric", recorded.successMetric());
      champion.put("value", best.metric(recorded.successMetric()));
      champion.put("threshold", recorded.successThreshold());
      double value = best.metric(recorded.successMetric());
      champion.put("meetsThreshold", meets(recorded, value));
      approval =
          switch (statuses.get(best.id())) {
            case CHAMPION -> "awaiting approval";
            case APPROVED, DEPLOYED, RETIRED, CHALLENGER -> "approved";
            case REJECTED -> "rejected";
            default -> null;
          };
    }
    return new Line(
        line.engagementId(),
        line.processInstanceId(),
        line.client(),
        line.name(),
        line.phase(),
        line.status(),
        line.currentStep(),
        line.waitingOn(),
        line.taskId(),
        line.since(),
        line.waitingTooLong(),
        champion,
        approval,
        live,
        line.monitoringVerdict(),
        line.openIncidents(),
        line.startedBy(),
        line.startedAt(),
        line.endedAt());
  }

  /**
   * The champion's figure against the threshold, in the metric's direction (lower is better for
   * errors).
   */
  private static Boolean meets(Requirements recorded, double value) {
    try {
      return !Double.isNaN(value)
          && SuccessMetric.of(recorded.successMetric(), ProblemType.of(recorded.problemType()))
              .meets(value, recorded.successThreshold());
    } catch (IllegalArgumentException unknownMetric) {
      return null;
    }
  }

  /**
   * The innermost open step (a task inside the maintenance subprocess, not the subprocess itself).
   */
  private static HistoricActivityInstance currentStep(List<HistoricActivityInstance> open) {
    return open.stream()
        .filter(
            a ->
                !"subProcess".equals(a.getActivityType())
                    && !a.getActivityType().contains("multiInstanceBody"))
        .max(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .orElse(open.isEmpty() ? null : open.get(0));
  }

  /** A person is awaited: a user task's group, or the client's data (not a timer or a worker). */
  private static boolean waitingOnSomeone(HistoricActivityInstance step) {
    return "userTask".equals(step.getActivityType())
        || WAITING_ON_CLIENT.contains(step.getActivityId());
  }

  private static boolean inMaintenance(List<HistoricActivityInstance> open) {
    return open != null
        && open.stream().anyMatch(a -> "SubProcess_Maintenance".equals(a.getActivityId()));
  }

  /**
   * Who the step waits on: a user task's candidate groups, the client, the training workers of an
   * external task, the monitoring schedule, or Lepton.
   */
  private String waitingOn(String definitionId, HistoricActivityInstance step) {
    if (step == null) {
      return null;
    }
    if (WAITING_ON_CLIENT.contains(step.getActivityId())
        && "receiveTask".equals(step.getActivityType())) {
      return "the client";
    }
    String groups =
        candidatesByDefinition
            .computeIfAbsent(
                definitionId,
                id -> {
                  Map<String, String> byTask = new HashMap<>();
                  BpmnModelInstance model = repository.getBpmnModelInstance(id);
                  model
                      .getModelElementsByType(UserTask.class)
                      .forEach(task -> byTask.put(task.getId(), task.getCamundaCandidateGroups()));
                  model.getModelElementsByType(ServiceTask.class).stream()
                      .filter(task -> "external".equals(task.getCamundaType()))
                      .forEach(
                          task ->
                              byTask.put(
                                  task.getId(),
                                  "training workers (" + task.getCamundaTopic() + ")"));
                  return byTask;
                })
            .get(step.getActivityId());
    if (groups != null) {
      return groups;
    }
    return switch (step.getActivityType()) {
      case "eventBasedGateway", "intermediateTimer" ->
          "the monitoring schedule, or data from the client";
      default -> "Lepton (" + step.getActivityName() + ")";
    };
  }

  private static boolean matches(Line line, Filter filter) {
    if (filter == null) {
      return true;
    }
    if (present(filter.client())
        && !filter.client().strip().equalsIgnoreCase(String.valueOf(line.client()))) {
      return false;
    }
    if (present(filter.phase()) && !filter.phase().strip().equalsIgnoreCase(line.phase())) {
      return false;
    }
    if (present(filter.status()) && !filter.status().strip().equalsIgnoreCase(line.status())) {
      return false;
    }
    if (present(filter.processInstanceId())
        && !filter.processInstanceId().strip().equals(line.processInstanceId())) {
      return false;
    }
    if (present(filter.q())) {
      String q = filter.q().strip().toLowerCase(Locale.ROOT);
      return (line.engagementId() + "\n" + line.client() + "\n" + line.name())
          .toLowerCase(Locale.ROOT)
          .contains(q);
    }
    return true;
  }

  private static Comparator<Line> order(String sort) {
    String key = sort == null ? "-startedAt" : sort.strip();
    boolean descending = key.startsWith("-");
    Comparator<Line> by =
        switch (descending ? key.substring(1) : key) {
          case "engagementId" ->
              Comparator.comparing(Line::engagementId, Comparator.nullsLast(String::compareTo));
          case "client" ->
              Comparator.comparing(Line::client, Comparator.nullsLast(String::compareTo));
          case "since" -> Comparator.comparing(Line::since, Comparator.nullsLast(Date::compareTo));
          case "startedAt" ->
              Comparator.comparing(Line::startedAt, Comparator.nullsLast(Date::compareTo));
          default ->
              throw new ApiException(
                  org.springframework.http.HttpStatus.BAD_REQUEST,
                  "Unknown sort",
                  "Sort by engagementId, client, since or startedAt (a leading - for descending), not '"
                      + sort
                      + "'");
        };
    return descending ? by.reversed() : by;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
