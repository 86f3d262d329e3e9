package ai.lepton.engine;

import ai.lepton.ml.engine.StraightThroughHistoryLevel;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/**
 * Registers {@link StraightThroughHistoryLevel}; {@code camunda.bpm.history-level: lepton-full}
 * selects it.
 */
@Component
public class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomHistoryLevels(
        EngineExtensions.<HistoryLevel>appended(
            configuration.getCustomHistoryLevels(), new StraightThroughHistoryLevel()));
  }
}
