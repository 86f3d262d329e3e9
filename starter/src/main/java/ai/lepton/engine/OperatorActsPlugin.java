package ai.lepton.engine;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engine.AuditedRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's operator powers are administrators' tools, and each use of them is on the record.
 *
 * <ul>
 *   <li>Starting an instance part-way (start instructions, skipped listeners) or restarting an
 *       ended one needs only the right to start or read it in Camunda; Lepton allows it to
 *       administrators alone and audits the refusal.
 *   <li>Every operator act Camunda writes to its user operation log (variables set or removed,
 *       modification, suspension, job retries and due dates, deletion, migration...) becomes an
 *       OPERATOR_ACT audit entry in the same transaction, naming the logged-in user; so does a
 *       message correlated by a person, which that log omits.
 * </ul>
 *
 * Lepton's own engine calls run inside its commands or without a logged-in user and are neither
 * refused nor logged here: the API that made them checked and audited the caller.
 */
@Component
public class OperatorActsPlugin extends AbstractProcessEnginePlugin {

  private static final List<Class<?>> ADMINISTRATORS_ONLY =
      List.of(StartProcessInstanceAtActivitiesCmd.class, RestartProcessInstancesCmd.class);
  private static final List<Class<?>> CORRELATIONS =
      List.of(CorrelateMessageCmd.class, CorrelateAllMessageCmd.class);

  private final AuditTrail audit;

  public OperatorActsPlugin(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        EngineExtensions.appended(
            configuration.getCustomPreCommandInterceptorsTxRequired(),
            new AdministratorsOnly(configuration)));
    configuration.setCustomHistoryEventHandlers(
        EngineExtensions.<HistoryEventHandler>appended(
            configuration.getCustomHistoryEventHandlers(), new OperatorActsToAudit()));
  }

  private final class AdministratorsOnly extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    AdministratorsOnly(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      boolean byAPerson = user != null && Context.getCommandContext() == null;
      if (!byAPerson) {
        return next.execute(command);
      }
      boolean administrator =
          user.getGroupIds() != null && user.getGroupIds().contains(LeptonGroups.ADMIN);
      String name = command.getClass().getSimpleName();
      if (ADMINISTRATORS_ONLY.stream().anyMatch(type -> type.isInstance(command))
          && !administrator) {
        String why =
            user.getUserId()
                + " may not start or restart a process instance part-way ("
                + name
                + "): only administrators may; start it from its start event";
        audit.refusal(
            user.getUserId(),
            "engine",
            name,
            name,
            why,
            Map.of("command", name, "groups", user.getGroupIds()));
        throw new AuditedRefusal(why);
      }
      T result = next.execute(command);
      if (CORRELATIONS.stream().anyMatch(type -> type.isInstance(command))
          || ADMINISTRATORS_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
        audit.append(
            user.getUserId(),
            "OPERATOR_ACT",
            "engine",
            name,
            Map.of(
                "command",
                name,
                "groups",
                user.getGroupIds() == null ? List.of() : user.getGroupIds()));
      }
      return result;
    }
  }

  /** Copies operator entries of Camunda's user operation log into the audit trail. */
  private final class OperatorActsToAudit implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof UserOperationLogEntryEventEntity entry)
          || !UserOperationLogEntry.CATEGORY_OPERATOR.equals(entry.getCategory())
          || entry.getUserId() == null
          || isPlainStart(entry)) {
        return;
      }
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("operation", entry.getOperationType());
      payload.put("entityType", entry.getEntityType());
      payload.put("property", entry.getProperty());
      payload.put("from", entry.getOrgValue());
      payload.put("to", entry.getNewValue());
      payload.put("processDefinitionKey", entry.getProcessDefinitionKey());
      payload.put("processInstanceId", entry.getProcessInstanceId());
      payload.put("jobId", entry.getJobId());
      payload.put("engagement", businessKey(entry.getProcessInstanceId()));
      payload.put("operationId", entry.getOperationId());
      String subject =
          entry.getProcessInstanceId() != null
              ? entry.getProcessInstanceId()
              : entry.getProcessDefinitionKey() != null
                  ? entry.getProcessDefinitionKey()
                  : entry.getEntityType();
      audit.append(entry.getUserId(), "OPERATOR_ACT", "process-instance", subject, payload);
    }

    /**
     * Starting an instance is everyone's work, not an operator's act (part-way starts are refused
     * or audited).
     */
    private static boolean isPlainStart(UserOperationLogEntryEventEntity entry) {
      return UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(entry.getOperationType())
          && "ProcessInstance".equals(entry.getEntityType());
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    private String businessKey(String processInstanceId) {
      if (processInstanceId == null || Context.getCommandContext() == null) {
        return null;
      }
      ExecutionEntity instance =
          Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
      return instance == null ? null : instance.getBusinessKey();
    }
  }
}
