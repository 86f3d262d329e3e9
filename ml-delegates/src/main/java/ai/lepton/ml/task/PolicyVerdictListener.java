package ai.lepton.ml.task;

import ai.lepton.ml.registry.PolicyVerdicts;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of *Check approval policy* ({@code ${policyVerdicts.record(execution)}}): the
 * verdict the approval policy's rules just wrote into the variables, recorded for the engagement's
 * champion in {@link PolicyVerdicts} in the rules' own transaction.
 */
@Component(ProcessBeans.POLICY_VERDICTS)
public class PolicyVerdictListener {

  private final PolicyVerdicts verdicts;

  public PolicyVerdictListener(PolicyVerdicts verdicts) {
    this.verdicts = verdicts;
  }

  public void record(DelegateExecution execution) {
    verdicts.record(
        execution.getProcessBusinessKey(),
        Objects.toString(execution.getVariable(ProcessVariables.POLICY_VERDICT), "UNKNOWN"),
        text(execution, ProcessVariables.POLICY_BLOCKERS),
        text(execution, ProcessVariables.POLICY_WARNINGS),
        execution.getVariable(ProcessVariables.QUALITY_VERDICT) == null
            ? null
            : execution.getVariable(ProcessVariables.QUALITY_VERDICT).toString(),
        text(execution, ProcessVariables.QUALITY_FINDINGS));
  }

  private static String text(DelegateExecution execution, String name) {
    return Objects.toString(execution.getVariable(name), "");
  }
}
