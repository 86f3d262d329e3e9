package ai.lepton.engine;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engine.AuditedRefusal;
import ai.lepton.process.ExternalTopic;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.batch.BatchElementConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.LockExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.springframework.stereotype.Component;

/**
 * The steps only the nodes' embedded workers do ({@link ExternalTopic#nodeOnly()}: <em>Profile
 * dataset</em>, <em>Check drift and accuracy</em>) are locked only by them. The nodes lock as no
 * one; a logged-in caller — a worker account, which holds rights on {@code ai-engagement} for
 * training, or anyone else through Camunda's REST API — who fetches such a topic or locks such a
 * task by id is refused and audited, and so is anyone but an administrator (who resolves incidents)
 * setting its retries, one task or many at once. Without this an account could lock a monitoring
 * check with a long lock and extend it for ever, holding a live model's maintenance hostage, or set
 * its retries to 0 and stop it with an incident (ending the step is refused already, {@code
 * StepCompletions}).
 */
@Component
public class NodeStepLocks extends AbstractProcessEnginePlugin {

  private final AuditTrail audit;
  private ProcessEngineConfigurationImpl engine;

  public NodeStepLocks(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.engine = configuration;
    configuration.setCustomPreCommandInterceptorsTxRequired(
        EngineExtensions.appended(
            configuration.getCustomPreCommandInterceptorsTxRequired(), new NodesOnly()));
  }

  private final class NodesOnly extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      Authentication user = engine.getIdentityService().getCurrentAuthentication();
      if (user == null || user.getUserId() == null || Context.getCommandContext() != null) {
        return next.execute(command);
      }
      boolean administrator =
          user.getGroupIds() != null && user.getGroupIds().contains(LeptonGroups.ADMIN);
      String topic = null;
      if (command instanceof FetchExternalTasksCmd) {
        topic =
            fetchedTopics(command).stream()
                .filter(ExternalTopic::isNodeOnly)
                .findFirst()
                .orElse(null);
      } else if (command instanceof LockExternalTaskCmd
          || (command instanceof SetExternalTaskRetriesCmd && !administrator)) {
        topic = nodeOnlyTopicOf(List.of((String) field(command, "externalTaskId")));
      } else if (command instanceof AbstractSetExternalTaskRetriesCmd<?> && !administrator) {
        topic =
            nodeOnlyTopicOf(
                engine
                    .getCommandExecutorTxRequired()
                    .execute(
                        context ->
                            tasksOf((AbstractSetExternalTaskRetriesCmd<?>) command, context)));
      }
      if (topic != null) {
        String name = command.getClass().getSimpleName();
        String why =
            user.getUserId()
                + " may not lock or retry work of the topic '"
                + topic
                + "': Lepton's nodes do"
                + " these steps themselves (they read Lepton's tables); workers fetch "
                + ExternalTopic.TRAIN_CANDIDATE.topic()
                + " only";
        audit.refusal(
            user.getUserId(),
            "topic",
            topic,
            name,
            why,
            Map.of(
                "command",
                name,
                "groups",
                user.getGroupIds() == null ? List.of() : user.getGroupIds()));
        throw new AuditedRefusal(why);
      }
      return next.execute(command);
    }
  }

  /** The first node-only topic among the tasks named (null for none). */
  private String nodeOnlyTopicOf(List<String> taskIds) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                taskIds.stream()
                    .map(id -> context.getExternalTaskManager().findExternalTaskById(id))
                    .filter(java.util.Objects::nonNull)
                    .map(ExternalTaskEntity::getTopicName)
                    .filter(ExternalTopic::isNodeOnly)
                    .findFirst()
                    .orElse(null));
  }

  /** The tasks a retries command of many acts on: by ids, by queries, by process instances. */
  private static List<String> tasksOf(
      AbstractSetExternalTaskRetriesCmd<?> command, CommandContext context) {
    try {
      java.lang.reflect.Method collect =
          AbstractSetExternalTaskRetriesCmd.class.getDeclaredMethod(
              "collectExternalTaskIds", CommandContext.class);
      collect.setAccessible(true);
      return ((BatchElementConfiguration) collect.invoke(command, context)).getIds();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Cannot read which external tasks a retries command acts on: Camunda changed"
              + " its commands, and Lepton's node-step check must follow",
          e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Collection<String> fetchedTopics(Object command) {
    Object instructions = field(command, "fetchInstructions");
    return instructions instanceof Map<?, ?> byTopic
        ? (Collection<String>) byTopic.keySet()
        : List.of();
  }

  /** A field of one of Camunda's commands, which keeps what they act on to itself. */
  private static Object field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + type.getName(), e);
      }
    }
    throw new IllegalStateException(
        command.getClass().getName()
            + " has no field "
            + name
            + ": Camunda changed its commands, and Lepton's node-step check must follow");
  }
}
