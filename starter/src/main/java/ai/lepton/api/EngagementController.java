package ai.lepton.api;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.process.ProcessMessage;
import ai.lepton.process.ProcessVariables;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opens engagements, tells where one stands (its step, its datasets and its models) and closes
 * them.
 */
@RestController
public class EngagementController {

  /** What opening an engagement takes: its id (the business key), the client and a name. */
  public record NewEngagement(String engagementId, String client, String engagementName) {}

  static final String ENGAGEMENT_CLOSED = ProcessMessage.ENGAGEMENT_CLOSED.messageName();

  private static final List<String> SHOWN_VARIABLES =
      List.of(
          "client",
          "engagementName",
          "targetAttribute",
          "problemType",
          "modelName",
          "successMetric",
          "successThreshold",
          "algorithms",
          "folds",
          "seed",
          "datasetId",
          "modelVersionId",
          "trainingRound",
          "championMeetsThreshold",
          "approvedBy",
          "maintenanceVerdict",
          "monitoringCheckId",
          "closedBy",
          "closeReason");

  private final RuntimeService runtime;
  private final HistoryService history;
  private final DatasetStore datasets;
  private final ModelRegistry registry;
  private final IdentityService identity;
  private final AuditTrail audit;
  private final AsLepton asLepton;
  private final EngagementOverview overview;

  public EngagementController(
      RuntimeService runtime,
      HistoryService history,
      DatasetStore datasets,
      ModelRegistry registry,
      IdentityService identity,
      AuditTrail audit,
      AsLepton asLepton,
      EngagementOverview overview) {
    this.asLepton = asLepton;
    this.overview = overview;
    this.identity = identity;
    this.audit = audit;
    this.runtime = runtime;
    this.history = history;
    this.datasets = datasets;
    this.registry = registry;
  }

  @PostMapping("/api/engagements")
  public ResponseEntity<EngagementView> open(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              name = "a churn engagement",
                              value =
                                  "{\"engagementId\": \"ENG-2026-014\", \"client\": \"Northwind Telecom\","
                                      + " \"engagementName\": \"Churn risk for retention calls\"}")))
          @RequestBody
          NewEngagement request) {
    require("engagementId", request.engagementId());
    require("client", request.client());
    require("engagementName", request.engagementName());
    ProcessInstance started;
    try {
      started =
          runtime.startProcessInstanceByKey(
              DatasetIntake.PROCESS_KEY,
              request.engagementId().strip(),
              Map.of(
                  "client",
                  request.client().strip(),
                  "engagementName",
                  request.engagementName().strip()));
    } catch (FormFieldValidationException e) {
      HttpStatus status =
          e.getMessage().contains("already exists") ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
      throw new ApiException(status, "Engagement refused", e.getMessage());
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(engagement(request.engagementId().strip(), started.getId()));
  }

  /** The statuses a project manager filters on. */
  static final List<String> STATUSES =
      List.of(
          "active",
          "waiting-on-client",
          "awaiting-approval",
          "in-maintenance",
          "closed",
          "has-incident");

  /**
   * Every engagement the caller may see, a line each (EngagementOverview): filters {@code client},
   * {@code phase}, {@code status}, {@code q} (in id, client and name), {@code processInstanceId}
   * (the engagement of one Cockpit instance); {@code sort} engagementId, client, since or startedAt
   * (a leading - descending; default -startedAt); {@code page} from 0 and {@code size} up to 200.
   */
  @GetMapping("/api/engagements")
  public EngagementOverview.Page list(
      @RequestParam(required = false) String client,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (status != null && !status.isBlank() && !STATUSES.contains(status.strip())) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Unknown status", "Filter by one of " + STATUSES);
    }
    if (page < 0 || size < 1 || size > 200) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Bad paging", "page from 0, size from 1 to 200");
    }
    return overview.list(
        new EngagementOverview.Filter(client, phase, status, q, processInstanceId),
        sort,
        page,
        size);
  }

  @GetMapping("/api/engagements/{engagementKey}")
  public EngagementView engagement(@PathVariable String engagementKey) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(DatasetIntake.PROCESS_KEY)
            .processInstanceBusinessKey(engagementKey)
            .singleResult();
    if (instance == null) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "Unknown engagement",
          "No engagement has the id '" + engagementKey + "' (or you may not see it)");
    }
    return engagement(engagementKey, instance.getId());
  }

  private EngagementView engagement(String key, String processInstanceId) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    Map<String, Object> variables = new LinkedHashMap<>();
    history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableNameIn(SHOWN_VARIABLES.toArray(String[]::new))
        .list()
        .stream()
        .sorted(java.util.Comparator.comparingInt(v -> SHOWN_VARIABLES.indexOf(v.getName())))
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    return new EngagementView(
        key,
        processInstanceId,
        instance.getState(),
        instance.getStartUserId(),
        instance.getStartTime(),
        instance.getEndTime(),
        "ACTIVE".equals(instance.getState())
            ? runtime.getActiveActivityIds(processInstanceId)
            : List.of(),
        variables,
        datasets.findByEngagement(key).stream()
            .map(
                d ->
                    new EngagementView.DatasetLine(
                        d.id(),
                        d.name(),
                        d.sha256(),
                        d.derivedFrom() == null ? "" : d.derivedFrom()))
            .toList(),
        registry.findByEngagement(key).stream()
            .map(
                m ->
                    new EngagementView.ModelLine(
                        m.id(),
                        (m.algorithm() + " " + m.options()).strip(),
                        registry.currentStatus(m.id()),
                        m.trainingRound()))
            .toList());
  }

  /** Why an engagement is closed (kept in the audit trail). */
  public record Closing(String reason) {}

  /**
   * Closes an engagement whose model is live (in maintenance): its monitoring stops, the model
   * stays deployed. Only project managers (and administrators) close engagements; a reason is
   * required.
   */
  @PostMapping("/api/engagements/{engagementKey}/close")
  public EngagementView close(
      @PathVariable String engagementKey, @RequestBody(required = false) Closing closing) {
    List<String> groups = CurrentUser.groups(identity);
    String user = identity.getCurrentAuthentication().getUserId();
    if (!groups.contains(LeptonGroups.PROJECT_MANAGERS) && !groups.contains(LeptonGroups.ADMIN)) {
      audit.refusal(
          user,
          "engagement",
          engagementKey,
          "close engagement",
          "only project managers close engagements",
          Map.of("groups", groups));
      throw new ApiException(
          HttpStatus.FORBIDDEN, "Forbidden", "Only project managers may close an engagement");
    }
    require("reason", closing == null ? null : closing.reason());
    engagement(engagementKey);
    ProcessInstance running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(DatasetIntake.PROCESS_KEY)
            .processInstanceBusinessKey(engagementKey)
            .singleResult();
    if (running == null
        || runtime
                .createEventSubscriptionQuery()
                .processInstanceId(running.getId())
                .eventType("message")
                .eventName(ENGAGEMENT_CLOSED)
                .count()
            == 0) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Engagement cannot be closed now",
          running == null
              ? "Engagement " + engagementKey + " has already ended"
              : "Engagement "
                  + engagementKey
                  + " is at "
                  + runtime.getActiveActivityIds(running.getId())
                  + "; it is closed once its model is live (in maintenance), or ended from its review task");
    }
    asLepton.run(
        () ->
            runtime
                .createMessageCorrelation(ENGAGEMENT_CLOSED)
                .processInstanceId(running.getId())
                .setVariable(ProcessVariables.CLOSED_BY, user)
                .setVariable(ProcessVariables.CLOSE_REASON, closing.reason().strip())
                .correlateWithResult());
    return engagement(engagementKey);
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Missing field", field + " is required");
    }
  }
}
