package ai.lepton.processes.retention;

import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.process.DecisionWords;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * An account manager settling a customer the churn rules escalated: taking the customer on
 * personally ({@code ACCOUNT_MANAGER_CALL}) follows the escalation; any other action overrides it
 * and needs a reason, as does every action when no model answered. The action, who chose it and the
 * review go to the process ({@code retentionAction}, {@code actionDecidedBy}) and to the decision
 * log.
 */
@Component(ProcessBeans.RECORD_ACCOUNT_MANAGER_ACTION)
public class RecordAccountManagerActionListener implements TaskListener {

  /** What an account manager may choose; the first follows the escalation. */
  public static final List<String> ACTIONS =
      List.of(
          "ACCOUNT_MANAGER_CALL",
          DecisionWords.Retention.OFFER_DISCOUNT.name(),
          DecisionWords.Retention.RETENTION_CALL.name(),
          DecisionWords.Retention.NO_ACTION.name());

  static final String ESCALATION = DecisionWords.Retention.ESCALATE_TO_ACCOUNT_MANAGER.name();

  private final DecisionLog log;

  public RecordAccountManagerActionListener(DecisionLog log) {
    this.log = log;
  }

  @Override
  public void notify(DelegateTask task) {
    Object action = task.getVariable(ProcessVariables.RETENTION_ACTION);
    if (!ACTIONS.contains(action)) {
      throw new FormFieldValidationException(
          ProcessVariables.RETENTION_ACTION,
          "retentionAction must be one of " + ACTIONS + ", not '" + action + "'");
    }
    String modelDecision = (String) task.getVariable(ProcessVariables.MODEL_DECISION);
    boolean followsModel = ESCALATION.equals(modelDecision) && ACTIONS.get(0).equals(action);
    String reason =
        Objects.toString(task.getVariable(ProcessVariables.OVERRIDE_REASON), "").strip();
    if (!followsModel && reason.isEmpty()) {
      throw new FormFieldValidationException(
          ProcessVariables.OVERRIDE_REASON,
          modelDecision == null
              ? "No model answered for this customer: say why you chose " + action
              : "You chose "
                  + action
                  + " where the rules escalated the customer to you: a reason is required");
    }
    String manager = CurrentUser.of(task);
    task.setVariable(ProcessVariables.ACTION_DECIDED_BY, manager);
    task.setVariable(ProcessVariables.OVERRULED_MODEL, !followsModel);
    log.recordReview(
        new DecisionLog.Review(
            (String) task.getVariable(ProcessVariables.DECISION_ID),
            task.getProcessInstanceId(),
            manager == null ? "unknown" : manager,
            modelDecision,
            action.toString(),
            !followsModel,
            reason.isEmpty() ? null : reason));
  }
}
