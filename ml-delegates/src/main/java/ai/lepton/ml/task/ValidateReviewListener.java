package ai.lepton.ml.task;

import ai.lepton.ml.training.AlgorithmList;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.InvalidAlgorithmException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/** Checks a review decision: retrain (with algorithms Weka accepts) or close the engagement. */
@Component("validateReview")
public class ValidateReviewListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("reviewDecision");
    if ("retrain".equals(decision)) {
      try {
        List<AlgorithmSpec> algorithms = AlgorithmList.parse(task.getVariable("algorithms"));
        task.setVariable("algorithms",
            String.join("\n", algorithms.stream().map(AlgorithmSpec::toString).toList()));
      } catch (InvalidAlgorithmException e) {
        throw new FormFieldValidationException("algorithms", e.getMessage());
      }
    } else if (!"close".equals(decision)) {
      throw new FormFieldValidationException("reviewDecision",
          "reviewDecision must be 'retrain' or 'close', not '" + decision + "'");
    }
  }
}
