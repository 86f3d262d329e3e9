package ai.lepton.notifications;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.audit.AuditEntry;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.process.DecisionWords;
import ai.lepton.process.ProcessKey;
import ai.lepton.process.ProcessVariables;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells people what an engagement needs from them, from the record once it is committed (a step
 * that rolled back tells no one): an approval task created (model risk officers), an approval
 * granted or denied and a deployment (the engagement's project manager, who opened it), a
 * maintenance verdict of WARN, RETRAIN or ROLLBACK and an incident (the project manager and model
 * risk officers), the client chased for overdue data (project managers). Looked up and sent on a
 * thread of its own, so no engine transaction waits for a mail server.
 */
public class EngagementNotifications implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(EngagementNotifications.class);

  private static final Map<String, NotificationType> VERDICTS =
      Map.of(
          "WARN",
          NotificationType.DRIFT_WARNING,
          DecisionWords.Maintenance.RETRAIN.name(),
          NotificationType.RETRAINING_ADVISED,
          DecisionWords.Maintenance.ROLLBACK.name(),
          NotificationType.ROLLBACK_ADVISED);

  /** An engagement as the notifications name it; its project manager is the user who opened it. */
  record Engagement(
      String key, String processInstanceId, String client, String name, String projectManager) {}

  private final HistoryService history;
  private final IdentityService identity;
  private final AsLepton asLepton;
  private final NotificationOutbox outbox;
  private final String publicUrl;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "lepton-notifications");
            thread.setDaemon(true);
            return thread;
          });

  public EngagementNotifications(
      AuditTrail audit,
      HistoryService history,
      IdentityService identity,
      AsLepton asLepton,
      NotificationOutbox outbox,
      String publicUrl) {
    this.history = history;
    this.identity = identity;
    this.asLepton = asLepton;
    this.outbox = outbox;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    audit.whenCommitted(this::recorded);
  }

  /** An audit entry committed: approvals, deployments and maintenance verdicts. */
  void recorded(AuditEntry entry) {
    // a rollback is told to the engagement that rolled back, not to the one that once trained the
    // restored version
    Object engagement =
        entry.payload().getOrDefault("rollbackInEngagement", entry.payload().get("engagement"));
    if (engagement == null) {
      return;
    }
    String key = engagement.toString();
    String model = entry.subjectId();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelVersionId", model);
    details.put("by", entry.actor());
    details.put("auditEntry", entry.seq());
    switch (entry.type()) {
      case "APPROVAL_GRANTED", "APPROVAL_DENIED" -> {
        boolean granted = "APPROVAL_GRANTED".equals(entry.type());
        details.put("reason", entry.payload().get("reason"));
        later(
            () -> byKey(key),
            e ->
                notice(
                    granted ? NotificationType.MODEL_APPROVED : NotificationType.MODEL_REJECTED,
                    e,
                    "Model "
                        + model
                        + " was "
                        + (granted ? "approved" : "rejected")
                        + " by "
                        + entry.actor()
                        + ": "
                        + entry.payload().get("reason"),
                    List.of(),
                    List.of(e.projectManager()),
                    card(model),
                    details));
      }
      case "MODEL_DEPLOYED" -> {
        boolean rollback = entry.payload().containsKey("rollbackInEngagement");
        details.put("modelName", entry.payload().get("modelName"));
        details.put("from", entry.payload().get("from"));
        details.put("reason", entry.payload().get("reason"));
        later(
            () -> byKey(key),
            e ->
                notice(
                    NotificationType.MODEL_DEPLOYED,
                    e,
                    "Model "
                        + model
                        + " is live as '"
                        + entry.payload().get("modelName")
                        + "'"
                        + (rollback ? " again (rolled back by " + entry.actor() + ")" : ""),
                    rollback ? List.of(LeptonGroups.MODEL_RISK_OFFICERS) : List.of(),
                    List.of(e.projectManager()),
                    card(model),
                    details));
      }
      case "MAINTENANCE_VERDICT" -> {
        NotificationType type = VERDICTS.get(String.valueOf(entry.payload().get("verdict")));
        if (type == null) {
          return;
        }
        details.put("verdict", entry.payload().get("verdict"));
        details.put("findings", entry.payload().get("findings"));
        details.put("monitoringCheckId", entry.payload().get("monitoringCheckId"));
        later(
            () -> byKey(key),
            e ->
                notice(
                    type,
                    e,
                    "The maintenance rules say "
                        + entry.payload().get("verdict")
                        + " for live model "
                        + model
                        + ": "
                        + String.join("; ", lines(entry.payload().get("findings"))),
                    List.of(LeptonGroups.MODEL_RISK_OFFICERS),
                    List.of(e.projectManager()),
                    cockpit(e),
                    details));
      }
      default -> {}
    }
  }

  /**
   * A user task created in an engagement: the approval, or the reminder to chase the client's data.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void taskCreated(TaskEvent task) {
    if (!"create".equals(task.getEventName()) || !isEngagement(task.getProcessDefinitionId())) {
      return;
    }
    String taskId = task.getId();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskId", taskId);
    details.put("task", task.getName());
    switch (task.getTaskDefinitionKey()) {
      case "Task_ApproveModel" ->
          later(
              () -> byInstance(task.getProcessInstanceId()),
              e ->
                  notice(
                      NotificationType.APPROVAL_NEEDED,
                      e,
                      "The champion of "
                          + e.key()
                          + " awaits a model risk officer's"
                          + " approval ("
                          + task.getName()
                          + ")",
                      List.of(LeptonGroups.MODEL_RISK_OFFICERS),
                      List.of(),
                      tasklist(taskId),
                      details));
      case "Task_ChaseClient" ->
          later(
              () -> byInstance(task.getProcessInstanceId()),
              e ->
                  notice(
                      NotificationType.CLIENT_DATA_OVERDUE,
                      e,
                      "No data from "
                          + e.client()
                          + " for "
                          + e.key()
                          + " in the agreed time: chase the client",
                      List.of(LeptonGroups.PROJECT_MANAGERS),
                      List.of(e.projectManager()),
                      tasklist(taskId),
                      details));
      default -> {}
    }
  }

  /** An incident opened in an engagement: it stands still until someone acts. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void incident(HistoryEvent event) {
    if (!(event instanceof HistoricIncidentEventEntity incident)
        || !"create".equals(incident.getEventType())
        || !isEngagement(incident.getProcessDefinitionId())) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("incidentId", incident.getId());
    details.put("incidentType", incident.getIncidentType());
    details.put("activityId", incident.getActivityId());
    details.put("message", incident.getIncidentMessage());
    later(
        () -> byInstance(incident.getProcessInstanceId()),
        e ->
            notice(
                NotificationType.INCIDENT,
                e,
                e.key()
                    + " is stuck at "
                    + incident.getActivityId()
                    + ": "
                    + incident.getIncidentMessage(),
                List.of(LeptonGroups.MODEL_RISK_OFFICERS),
                List.of(e.projectManager()),
                cockpit(e),
                details));
  }

  /** Looks the engagement up and sends what {@code compose} makes of it, on the sender's thread. */
  private void later(Supplier<Engagement> lookup, Function<Engagement, Notification> compose) {
    sender.execute(
        () -> {
          try {
            Engagement engagement = lookup.get();
            if (engagement != null) {
              outbox.send(compose.apply(engagement));
            }
          } catch (RuntimeException e) {
            LOG.warn("A notification could not be sent: {}", e.toString(), e);
          }
        });
  }

  private Notification notice(
      NotificationType type,
      Engagement engagement,
      String what,
      List<String> groups,
      List<String> users,
      String link,
      Map<String, Object> details) {
    List<String> people = users.stream().filter(u -> u != null && !u.isBlank()).distinct().toList();
    return new Notification(
        UUID.randomUUID().toString().substring(0, 8),
        type,
        Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
        engagement.key(),
        engagement.processInstanceId(),
        engagement.client(),
        engagement.name(),
        what,
        groups,
        people,
        emails(groups, people),
        link,
        withoutNulls(details));
  }

  private Engagement byKey(String key) {
    return asLepton.run(
        () ->
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKey.AI_ENGAGEMENT.key())
                .processInstanceBusinessKey(key)
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .map(this::engagement)
                .orElse(null));
  }

  private Engagement byInstance(String processInstanceId) {
    return asLepton.run(
        () ->
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .list()
                .stream()
                .findFirst()
                .map(this::engagement)
                .orElse(null));
  }

  private Engagement engagement(HistoricProcessInstance instance) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableNameIn(ProcessVariables.CLIENT, ProcessVariables.ENGAGEMENT_NAME)
            .disableCustomObjectDeserialization()
            .list()) {
      facts.put(variable.getName(), String.valueOf(variable.getValue()));
    }
    return new Engagement(
        instance.getBusinessKey(),
        instance.getId(),
        facts.get("client"),
        facts.get("engagementName"),
        instance.getStartUserId());
  }

  /** The e-mail addresses Camunda knows for the users and the groups' members. */
  private List<String> emails(List<String> groups, List<String> users) {
    return asLepton.run(
        () -> {
          Set<String> addresses = new LinkedHashSet<>();
          List<User> people = new ArrayList<>();
          if (!users.isEmpty()) {
            people.addAll(identity.createUserQuery().userIdIn(users.toArray(String[]::new)).list());
          }
          groups.forEach(
              group -> people.addAll(identity.createUserQuery().memberOfGroup(group).list()));
          people.stream()
              .map(User::getEmail)
              .filter(mail -> mail != null && mail.contains("@"))
              .forEach(addresses::add);
          return List.copyOf(addresses);
        });
  }

  private String card(String modelVersionId) {
    return publicUrl + "/api/models/" + modelVersionId + "/card";
  }

  private String cockpit(Engagement engagement) {
    return publicUrl
        + "/camunda/app/cockpit/default/#/process-instance/"
        + engagement.processInstanceId()
        + "/runtime";
  }

  private String tasklist(String taskId) {
    return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private static boolean isEngagement(String processDefinitionId) {
    return processDefinitionId != null
        && processDefinitionId.startsWith(ProcessKey.AI_ENGAGEMENT.key() + ":");
  }

  private static List<String> lines(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : value.toString().lines().filter(l -> !l.isBlank()).toList();
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> details) {
    Map<String, Object> kept = new LinkedHashMap<>();
    details.forEach(
        (name, value) -> {
          if (value != null) {
            kept.put(name, value);
          }
        });
    return kept;
  }

  /**
   * Waits briefly for notifications already on their way (a stop should not drop an approval
   * request).
   */
  @Override
  public void destroy() throws InterruptedException {
    sender.shutdown();
    sender.awaitTermination(10, TimeUnit.SECONDS);
  }
}
