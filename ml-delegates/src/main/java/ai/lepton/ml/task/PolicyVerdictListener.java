package ai.lepton.ml.task;

import ai.lepton.ml.registry.PolicyVerdicts;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of *Check approval policy* ({@code ${policyVerdicts.record(execution)}}): the
 * verdict the approval policy's rules just wrote into the variables, recorded for the engagement's
 * champion in {@link PolicyVerdicts} in the rules' own transaction.
 */
@Component("policyVerdicts")
public class PolicyVerdictListener {

  private final PolicyVerdicts verdicts;

  public PolicyVerdictListener(PolicyVerdicts verdicts) {
    this.verdicts = verdicts;
  }

  public void record(DelegateExecution execution) {
    verdicts.record(
        execution.getProcessBusinessKey(),
        Objects.toString(execution.getVariable("policyVerdict"), "UNKNOWN"),
        text(execution, "policyBlockers"),
        text(execution, "policyWarnings"),
        execution.getVariable("qualityVerdict") == null
            ? null
            : execution.getVariable("qualityVerdict").toString(),
        text(execution, "qualityFindings"));
  }

  private static String text(DelegateExecution execution, String name) {
    return Objects.toString(execution.getVariable(name), "");
  }
}
