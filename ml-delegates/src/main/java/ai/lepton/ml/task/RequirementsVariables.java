package ai.lepton.ml.task;

import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.process.ProcessBeans;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The engagement's recorded requirements ({@link RequirementsRecord}) where ai-engagement's BPMN
 * asks for them by the name {@code requirementsRecord}: {@code
 * ${requirementsRecord.algorithms(execution)}} (the multi-instance collection of Train candidate)
 * and {@code ${requirementsRecord.restore(execution)}} (an execution listener). The engagement is
 * the execution's business key.
 */
@Component(ProcessBeans.REQUIREMENTS_RECORD)
public class RequirementsVariables {

  private final RequirementsRecord record;

  public RequirementsVariables(RequirementsRecord record) {
    this.record = record;
  }

  /** The algorithms to train now, one Weka command a line. */
  public List<String> algorithms(DelegateExecution execution) {
    return record.algorithms(execution.getProcessBusinessKey());
  }

  /**
   * Execution listener: puts the recorded requirements back into the variables that the rule sets
   * and forms read, so a step never acts on a variable someone changed since.
   */
  public void restore(DelegateExecution execution) {
    record.variables(execution.getProcessBusinessKey()).forEach(execution::setVariable);
  }
}
