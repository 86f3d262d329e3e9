package ai.lepton.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A BPMN error nothing catches is an error, not an end: by default Camunda 7 ends the execution
 * silently, so a caller allowed to report an external task's BPMN error (a training worker's
 * account) could end an engagement with one call, and a delegate's uncaught error would end a
 * host's process without a trace. With this setting the command fails instead, its transaction
 * rolls back, and the instance stays where it was (a job's failure is an incident).
 */
@Component
public class UnhandledBpmnErrorPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
  }
}
