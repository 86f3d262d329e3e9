package ai.lepton.processes.retention;

import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.process.DecisionWords;
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
@Component("recordAccountManagerAction")
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
    Object action = task.getVariable("retentionAction");
    if (!ACTIONS.contains(action)) {
      throw new FormFieldValidationException(
          "retentionAction",
          "retentionAction must be one of " + ACTIONS + ", not '" + action + "'");
    }
    String modelDecision = (String) task.getVariable("modelDecision");
    boolean followsModel = ESCALATION.equals(modelDecision) && ACTIONS.get(0).equals(action);
    String reason = Objects.toString(task.getVariable("overrideReason"), "").strip();
    if (!followsModel && reason.isEmpty()) {
      throw new FormFieldValidationException(
          "overrideReason",
          modelDecision == null
              ? "No model answered for this customer: say why you chose " + action
              : "You chose "
                  + action
                  + " where the rules escalated the customer to you: a reason is required");
    }
    String manager = CurrentUser.of(task);
    task.setVariable("actionDecidedBy", manager);
    task.setVariable("overruledModel", !followsModel);
    log.recordReview(
        new DecisionLog.Review(
            (String) task.getVariable("decisionId"),
            task.getProcessInstanceId(),
            manager == null ? "unknown" : manager,
            modelDecision,
            action.toString(),
            !followsModel,
            reason.isEmpty() ? null : reason));
  }
}
