package ai.lepton.processes.credit;

import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.process.DecisionWords.Credit;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A person deciding in place of (or against) a model: the decision must be APPROVE or DECLINE, and
 * a reason is required whenever it differs from what the model decided. Who decided and whether it
 * overruled the model stay on the process ({@code decidedBy}, {@code overruledModel}) and in the
 * decision log's reviews.
 */
@Component(ProcessBeans.RECORD_OFFICER_DECISION)
public class RecordOfficerDecisionListener implements TaskListener {

  private final DecisionLog log;

  public RecordOfficerDecisionListener(DecisionLog log) {
    this.log = log;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ProcessVariables.DECISION);
    if (!Credit.APPROVE.name().equals(decision) && !Credit.DECLINE.name().equals(decision)) {
      throw new FormFieldValidationException(
          ProcessVariables.DECISION, "decision must be APPROVE or DECLINE, not '" + decision + "'");
    }
    boolean overrules =
        !Objects.equals(decision, task.getVariable(ProcessVariables.MODEL_DECISION));
    Object reason = task.getVariable(ProcessVariables.OFFICER_REASON);
    if (overrules && (reason == null || reason.toString().isBlank())) {
      throw new FormFieldValidationException(
          ProcessVariables.OFFICER_REASON,
          "You decide "
              + decision
              + " where the model said "
              + task.getVariable(ProcessVariables.MODEL_DECISION)
              + ": a reason is required");
    }
    String officer = CurrentUser.of(task);
    task.setVariable(ProcessVariables.DECIDED_BY, officer);
    task.setVariable(ProcessVariables.OVERRULED_MODEL, overrules);
    log.recordReview(
        new DecisionLog.Review(
            (String) task.getVariable(ProcessVariables.DECISION_ID),
            task.getProcessInstanceId(),
            officer == null ? "unknown" : officer,
            (String) task.getVariable(ProcessVariables.MODEL_DECISION),
            decision.toString(),
            overrules,
            reason == null ? null : reason.toString().strip()));
  }
}
