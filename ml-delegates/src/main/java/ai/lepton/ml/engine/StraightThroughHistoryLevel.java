package ai.lepton.ml.engine;

import ai.lepton.process.ProcessKey;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * FULL history, except for straight-through decision processes: a {@code model-decision} instance
 * keeps only its incidents in Camunda's history, because Lepton's decision log already records each
 * decision in full (inputs, model version, distribution, rules fired, decision, explanation,
 * process instance id, time) and the calling process keeps the {@code decisionId}. History rows are
 * what made a decision cost milliseconds (BENCHMARKS.md): per-activity and per-variable rows first,
 * then the instance's own start and end rows (430 → 573 decisions/s when they went).
 */
public class StraightThroughHistoryLevel implements HistoryLevel {

  public static final String NAME = "lepton-full";
  private static final Set<String> STRAIGHT_THROUGH = Set.of(ProcessKey.MODEL_DECISION.key());
  private static final Set<HistoryEventType> KEPT =
      Set.of(
          HistoryEventTypes.INCIDENT_CREATE,
          HistoryEventTypes.INCIDENT_RESOLVE,
          HistoryEventTypes.INCIDENT_DELETE);

  @Override
  public int getId() {
    return 31;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (isStraightThrough(entity) && !KEPT.contains(eventType)) {
      return false;
    }
    return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }

  private static boolean isStraightThrough(Object entity) {
    String definitionId = null;
    if (entity instanceof ExecutionEntity execution) {
      definitionId = execution.getProcessDefinitionId();
    } else if (entity instanceof VariableInstanceEntity variable) {
      definitionId = variable.getProcessDefinitionId();
    }
    return definitionId != null
        && STRAIGHT_THROUGH.contains(
            definitionId.substring(
                0,
                definitionId.indexOf(':') < 0 ? definitionId.length() : definitionId.indexOf(':')));
  }
}
