package ai.lepton.news.process;

import ai.lepton.news.NewsItems;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The news-monitoring process's {@code ${newsItems.putRecord(execution)}}: the item of this
 * instance (its business key), as Lepton's news record ({@link NewsItems}) keeps it.
 */
@Component(ProcessBeans.NEWS_ITEMS)
public class NewsItemVariables {

  private final NewsItems items;

  public NewsItemVariables(NewsItems items) {
    this.items = items;
  }

  /**
   * Puts the item's record (the text as the model's text attribute) and context into the
   * news-monitoring process as transient variables {@code features} and {@code context}, for the
   * model decision it calls: read from the record, never kept by the engine.
   */
  public void putRecord(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    execution.setVariable(
        ProcessVariables.FEATURES, Variables.stringValue(items.featuresOf(id), true));
    execution.setVariable(
        ProcessVariables.CONTEXT, Variables.stringValue(items.contextOf(id), true));
  }
}
