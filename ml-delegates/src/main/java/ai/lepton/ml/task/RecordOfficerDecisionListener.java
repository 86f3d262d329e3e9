package ai.lepton.ml.task;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A person deciding in place of (or against) a model: the decision must be APPROVE or DECLINE, and a reason is
 * required whenever it differs from what the model decided. Who decided and whether it overruled the model stay on
 * the process ({@code decidedBy}, {@code overruledModel}).
 */
@Component("recordOfficerDecision")
public class RecordOfficerDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("decision");
    if (!"APPROVE".equals(decision) && !"DECLINE".equals(decision)) {
      throw new FormFieldValidationException("decision", "decision must be APPROVE or DECLINE, not '" + decision + "'");
    }
    boolean overrules = !Objects.equals(decision, task.getVariable("modelDecision"));
    Object reason = task.getVariable("officerReason");
    if (overrules && (reason == null || reason.toString().isBlank())) {
      throw new FormFieldValidationException("officerReason", "You decide " + decision + " where the model said "
          + task.getVariable("modelDecision") + ": a reason is required");
    }
    task.setVariable("decidedBy", CurrentUser.of(task));
    task.setVariable("overruledModel", overrules);
  }
}
