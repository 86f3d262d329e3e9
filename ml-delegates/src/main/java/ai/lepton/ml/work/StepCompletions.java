package ai.lepton.ml.work;

import ai.lepton.process.ProcessBeans;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * End listener of the steps the nodes' embedded workers do ({@link ExternalStep}: <em>Profile
 * dataset</em>, <em>Check drift and accuracy</em>): such a step ends only by Lepton's own worker,
 * which completes it as no one. Ended by a logged-in caller instead (an account that locked it and
 * completed it, or raised a BPMN error, through Camunda's REST API) it is refused: its variables
 * would be a profile or a monitoring result nobody computed, and a BPMN error could end a live
 * model's maintenance.
 */
@Component(ProcessBeans.EXTERNAL_STEPS)
public class StepCompletions {

  public void requireWorker(DelegateExecution execution) {
    Authentication caller =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller != null && caller.getUserId() != null) {
      throw new AuthorizationException(
          caller.getUserId()
              + " may not end '"
              + execution.getCurrentActivityName()
              + "': Lepton's workers do this step and hand its results back themselves");
    }
  }
}
