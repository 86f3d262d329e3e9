package ai.lepton.api;

import ai.lepton.process.ProcessKey;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The id of the latest {@code model-decision} definition, so a straight-through decision starts by
 * id: starting by key asks the database for the latest version on every call, 28 % of a decision's
 * time (BENCHMARKS.md). The id is forgotten when this node deploys a new version and, for versions
 * another node deploys, after {@value #KEEP_MILLIS} ms.
 */
@Component
public class DecisionDefinitionCache extends AbstractProcessEnginePlugin {

  static final String KEY = ProcessKey.MODEL_DECISION.key();
  static final long KEEP_MILLIS = 10_000;

  private record Cached(String id, long at) {}

  private volatile Cached cached;
  private volatile ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(
              Element processElement, ProcessDefinitionEntity processDefinition) {
            if (KEY.equals(processDefinition.getKey())) {
              cached = null;
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  public String latestId() {
    Cached now = cached;
    long time = System.currentTimeMillis();
    if (now == null || time - now.at() > KEEP_MILLIS) {
      // which definition is latest is no secret: found as Lepton, whoever asks; starting it is
      // authorized as the
      // caller (CREATE_INSTANCE on model-decision)
      String id =
          configuration
              .getCommandExecutorTxRequired()
              .execute(
                  context -> {
                    ProcessDefinitionEntity latest =
                        context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(KEY);
                    if (latest == null) {
                      throw new IllegalStateException("The model-decision process is not deployed");
                    }
                    return latest.getId();
                  });
      now = new Cached(id, time);
      cached = now;
    }
    return now.id();
  }
}
