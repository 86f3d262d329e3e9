package ai.lepton.news.process;

import ai.lepton.news.NewsItems;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes what the news-monitoring process decided on its item into Lepton's news record: the
 * decision log entry, the decision and the model's probability, or why no decision was taken (the
 * model refused the record, none deployed). Later items about the same client count the alerts from
 * there.
 */
@Component(ProcessBeans.RECORD_NEWS_DECISION)
public class RecordNewsDecisionDelegate implements JavaDelegate {

  private final NewsItems items;

  public RecordNewsDecisionDelegate(NewsItems items) {
    this.items = items;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object probability = execution.getVariable(ProcessVariables.PROBABILITY);
    Object error = execution.getVariable(ProcessVariables.ERROR_MESSAGE);
    items.recordDecision(
        execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(),
        (String) execution.getVariable(ProcessVariables.DECISION_ID),
        (String) execution.getVariable(ProcessVariables.NEWS_DECISION),
        probability instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : null,
        error == null ? null : error.toString());
  }
}
