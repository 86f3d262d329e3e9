package ai.lepton.ml.task;

import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.training.AlgorithmList;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.InvalidAlgorithmException;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Checks a review decision: retrain (with algorithms Weka accepts, recorded as a new revision of
 * the requirements) or close the engagement.
 */
@Component(ProcessBeans.VALIDATE_REVIEW)
public class ValidateReviewListener implements TaskListener {

  private final RequirementsRecord record;

  public ValidateReviewListener(RequirementsRecord record) {
    this.record = record;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ProcessVariables.REVIEW_DECISION);
    if ("retrain".equals(decision)) {
      try {
        List<AlgorithmSpec> algorithms =
            AlgorithmList.parse(task.getVariable(ProcessVariables.ALGORITHMS));
        String lines = String.join("\n", algorithms.stream().map(AlgorithmSpec::toString).toList());
        task.setVariable(ProcessVariables.ALGORITHMS, lines);
        String key = task.getExecution().getProcessBusinessKey();
        record.record(
            record
                .latest(key)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Engagement " + key + " has no recorded requirements to change"))
                .withAlgorithms(lines, CurrentUser.of(task), task.getId()));
      } catch (InvalidAlgorithmException e) {
        throw new FormFieldValidationException(ProcessVariables.ALGORITHMS, e.getMessage());
      }
    } else if (!"close".equals(decision)) {
      throw new FormFieldValidationException(
          ProcessVariables.REVIEW_DECISION,
          "reviewDecision must be 'retrain' or 'close', not '" + decision + "'");
    }
  }
}
