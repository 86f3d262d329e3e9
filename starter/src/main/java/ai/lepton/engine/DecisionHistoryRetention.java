package ai.lepton.engine;

import ai.lepton.process.ProcessKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long Camunda keeps the history of the decision processes ({@code model-decision}, {@code
 * customer-retention}): {@code lepton.history.decision-process-days} (default 365), never less than
 * 180 days — the EU AI Act's Art. 19 asks deployers to keep the automatic logs of a high-risk
 * system at least six months. It overrides the models' own {@code historyTimeToLive} when they are
 * deployed. Engagements keep their ten years, credit applications too (a credit file's retention is
 * set by lending law, not by this setting).
 */
@Component
public class DecisionHistoryRetention extends AbstractProcessEnginePlugin {

  /** Six months, the least the AI Act's Art. 19 allows for automatically generated logs. */
  public static final int MINIMUM_DAYS = 180;

  static final Set<String> DECISION_PROCESSES =
      Set.of(ProcessKey.MODEL_DECISION.key(), ProcessKey.CUSTOMER_RETENTION.key());

  private final int days;

  public DecisionHistoryRetention(@Value("${lepton.history.decision-process-days:365}") int days) {
    if (days < MINIMUM_DAYS) {
      throw new IllegalStateException(
          "lepton.history.decision-process-days is "
              + days
              + ": decision history must be"
              + " kept at least "
              + MINIMUM_DAYS
              + " days (EU AI Act Art. 19: six months)");
    }
    this.days = days;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(
              Element processElement, ProcessDefinitionEntity processDefinition) {
            if (DECISION_PROCESSES.contains(processDefinition.getKey())) {
              processDefinition.setHistoryTimeToLive(days);
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  public int days() {
    return days;
  }
}
