package ai.lepton.news.process;

import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.news.NewsItems;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A risk analyst's review of a news alert: CONFIRMED or DISMISSED, with a note when dismissing.
 * Kept in the decision log as a review of the item's decision (the decision read from Lepton's news
 * record, not from a variable), with the analyst's answer as the decision's true outcome, so
 * monitoring measures how often the model's alerts hold.
 */
@Component(ProcessBeans.RECORD_NEWS_REVIEW)
public class RecordNewsReviewListener implements TaskListener {

  private final NewsItems items;
  private final DecisionLog log;

  public RecordNewsReviewListener(NewsItems items, DecisionLog log) {
    this.items = items;
    this.log = log;
  }

  @Override
  public void notify(DelegateTask task) {
    Object answer = task.getVariable(ProcessVariables.NEGATIVE_NEWS);
    if (!"CONFIRMED".equals(answer) && !"DISMISSED".equals(answer)) {
      throw new FormFieldValidationException(
          ProcessVariables.NEGATIVE_NEWS,
          "negativeNews must be CONFIRMED or DISMISSED, not '" + answer + "'");
    }
    Object note = task.getVariable(ProcessVariables.REVIEW_NOTE);
    boolean dismissed = "DISMISSED".equals(answer);
    if (dismissed && (note == null || note.toString().isBlank())) {
      throw new FormFieldValidationException(
          ProcessVariables.REVIEW_NOTE, "You dismiss an alert the rules raised: say why");
    }
    String analyst = CurrentUser.of(task);
    task.setVariable(ProcessVariables.REVIEWED_BY, analyst);
    NewsItems.Item item =
        items
            .find(task.getExecution().getProcessBusinessKey())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No news item " + task.getExecution().getProcessBusinessKey()));
    if (item.decisionId() == null) {
      return; // no model answered: the review is the only decision, kept on the process
    }
    log.recordReview(
        new DecisionLog.Review(
            item.decisionId(),
            task.getProcessInstanceId(),
            analyst == null ? "unknown" : analyst,
            item.decision(),
            answer.toString(),
            dismissed,
            note == null ? null : note.toString().strip()));
    log.find(item.decisionId())
        .flatMap(decision -> outcome(decision.distribution().keySet(), dismissed))
        .ifPresent(
            actual -> {
              try {
                log.recordOutcome(item.decisionId(), actual, analyst == null ? "unknown" : analyst);
              } catch (DecisionLog.OutcomeRefused alreadyRecorded) {
                // the outcome came in another way first (POST /api/decisions/{id}/outcome): it
                // stands
              }
            });
  }

  /**
   * The class the review says was true: the watched one when confirmed, the other of two when
   * dismissed.
   */
  static java.util.Optional<String> outcome(java.util.Set<String> labels, boolean dismissed) {
    java.util.Optional<String> watched = ai.lepton.process.WatchedNewsClass.among(labels);
    if (watched.isEmpty() || !dismissed) {
      return watched;
    }
    return labels.size() == 2
        ? labels.stream().filter(label -> !label.equals(watched.get())).findFirst()
        : java.util.Optional.empty();
  }
}
