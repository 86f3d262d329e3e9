package ai.lepton.ml.engine;

import ai.lepton.ml.engagement.EngagementProcesses;
import ai.lepton.process.ProcessKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.stereotype.Component;

/**
 * {@link EngagementProcesses} on Camunda's runtime and history; messages correlated as Lepton
 * ({@link AsLepton}).
 */
@Component
public class EngineEngagementProcesses implements EngagementProcesses {

  private static final String ENGAGEMENT = ProcessKey.AI_ENGAGEMENT.key();

  private final RuntimeService runtime;
  private final HistoryService history;
  private final AsLepton asLepton;

  public EngineEngagementProcesses(
      RuntimeService runtime, HistoryService history, AsLepton asLepton) {
    this.runtime = runtime;
    this.history = history;
    this.asLepton = asLepton;
  }

  @Override
  public Optional<Running> running(String engagementKey) {
    return Optional.ofNullable(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ENGAGEMENT)
                .processInstanceBusinessKey(engagementKey)
                .singleResult())
        .map(EngineEngagementProcesses::running);
  }

  @Override
  public boolean everOpened(String engagementKey) {
    return history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ENGAGEMENT)
            .processInstanceBusinessKey(engagementKey)
            .count()
        > 0;
  }

  @Override
  public List<Running> at(String activityId, String nonEmptyVariable) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(ENGAGEMENT)
        .activityIdIn(activityId)
        .variableValueNotEquals(nonEmptyVariable, "")
        .list()
        .stream()
        .map(EngineEngagementProcesses::running)
        .toList();
  }

  @Override
  public boolean waitsFor(String processInstanceId, String messageName) {
    return runtime
            .createEventSubscriptionQuery()
            .processInstanceId(processInstanceId)
            .eventType("message")
            .eventName(messageName)
            .count()
        > 0;
  }

  @Override
  public boolean correlateAsLepton(
      String processInstanceId, String messageName, Map<String, Object> variables) {
    try {
      asLepton.run(
          () -> {
            MessageCorrelationBuilder correlation =
                runtime.createMessageCorrelation(messageName).processInstanceId(processInstanceId);
            variables.forEach(correlation::setVariable);
            return correlation.correlateWithResult();
          });
      return true;
    } catch (MismatchingMessageCorrelationException notWaitingAnyMore) {
      return false;
    }
  }

  @Override
  public boolean isIn(String processInstanceId, String activityId) {
    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    return tree != null && tree.getActivityInstances(activityId).length > 0;
  }

  @Override
  public List<String> activeSteps(String processInstanceId) {
    return runtime.getActiveActivityIds(processInstanceId);
  }

  @Override
  public Object variable(String processInstanceId, String name) {
    return runtime.getVariable(processInstanceId, name);
  }

  @Override
  public void setVariable(String processInstanceId, String name, Object value) {
    runtime.setVariable(processInstanceId, name, value);
  }

  @Override
  public void raiseIncident(
      String processInstanceId,
      String activityId,
      String incidentType,
      String configuration,
      String message) {
    String execution =
        runtime
            .createExecutionQuery()
            .processInstanceId(processInstanceId)
            .activityId(activityId)
            .list()
            .stream()
            .findFirst()
            .map(found -> found.getId())
            .orElse(processInstanceId);
    runtime.createIncident(incidentType, execution, configuration, message);
  }

  @Override
  public String start(String processKey, String businessKey, Map<String, Object> variables) {
    ProcessInstantiationBuilder start =
        runtime.createProcessInstanceByKey(processKey).businessKey(businessKey);
    variables.forEach(start::setVariable);
    return start.execute().getId();
  }

  private static Running running(ProcessInstance instance) {
    return new Running(instance.getId(), instance.getBusinessKey());
  }
}
