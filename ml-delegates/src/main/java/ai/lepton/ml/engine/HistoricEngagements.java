package ai.lepton.ml.engine;

import ai.lepton.ml.card.EngagementHistory;
import ai.lepton.process.ProcessKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * {@link EngagementHistory} from Camunda's history: the ai-engagement instance by business key, and
 * its variables as the history last recorded them (custom objects left serialized).
 */
@Component
public class HistoricEngagements implements EngagementHistory {

  private final HistoryService history;

  public HistoricEngagements(HistoryService history) {
    this.history = history;
  }

  @Override
  public Optional<Instance> engagement(String engagementKey) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessKey.AI_ENGAGEMENT.key())
            .processInstanceBusinessKey(engagementKey)
            .singleResult();
    return instance == null
        ? Optional.empty()
        : Optional.of(
            new Instance(
                instance.getId(),
                instance.getState(),
                instance.getStartTime().toInstant(),
                instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
                instance.getStartUserId()));
  }

  @Override
  public Map<String, Object> variables(String processInstanceId, List<String> names) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableNameIn(names.toArray(String[]::new))
            .disableCustomObjectDeserialization()
            .list()) {
      values.put(variable.getName(), variable.getValue());
    }
    return values;
  }
}
