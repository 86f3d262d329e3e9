package ai.lepton.metrics;

import ai.lepton.process.ProcessKey;
import ai.lepton.process.ProcessVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Times the two steps of {@code model-decision} (Score record, Apply rules) with start and end
 * listeners added when the process is deployed, so the delegates stay free of metrics. Both
 * listeners of a step run on one thread (the process is straight through); a step that ends in a
 * BPMN error (an unknown model, a rule set not approved) records nothing, so only deployed models
 * and approved rule sets become tags.
 */
public final class DecisionStepTimers extends AbstractProcessEnginePlugin {

  private static final String SCORE = "Task_ScoreRecord";
  private static final String RULES = "Task_ApplyRules";

  private final DecisionMeters meters;
  private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[1]);

  public DecisionStepTimers(DecisionMeters meters) {
    this.meters = meters;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    Map<String, BiConsumer<DelegateExecution, Long>> steps =
        Map.of(
            SCORE,
                (execution, nanos) ->
                    meters.scored(
                        String.valueOf(execution.getVariable(ProcessVariables.MODEL_NAME)), nanos),
            RULES,
                (execution, nanos) ->
                    meters.ruled(
                        String.valueOf(execution.getVariable(ProcessVariables.RULE_SET)), nanos));
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            BiConsumer<DelegateExecution, Long> step = steps.get(activity.getId());
            if (step != null
                && activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                && ProcessKey.MODEL_DECISION.key().equals(definition.getKey())) {
              activity.addListener(
                  ExecutionListener.EVENTNAME_START,
                  (ExecutionListener) execution -> started.get()[0] = System.nanoTime());
              activity.addListener(
                  ExecutionListener.EVENTNAME_END,
                  (ExecutionListener)
                      execution -> {
                        if (!execution
                            .isCanceled()) { // a BPMN error interrupts the step: its end listener
                          // runs canceled
                          step.accept(execution, System.nanoTime() - started.get()[0]);
                        }
                      });
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
