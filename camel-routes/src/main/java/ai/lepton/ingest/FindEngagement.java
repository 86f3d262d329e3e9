package ai.lepton.ingest;

import ai.lepton.process.ProcessKey;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Finds the running engagement the data is for (property {@link #INSTANCE}); an ended one leaves
 * the property empty (the data is still kept), an id no engagement ever had is refused.
 */
@Component
public class FindEngagement implements Processor {

  public static final String PROCESS_KEY = ProcessKey.AI_ENGAGEMENT.key();
  static final String INSTANCE = "leptonEngagementInstance";

  private final RuntimeService runtime;
  private final HistoryService history;

  public FindEngagement(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  @Override
  public void process(Exchange exchange) {
    String key = exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT, String.class);
    if (key == null || key.isBlank()) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.UNKNOWN_ENGAGEMENT,
          "No engagement id given: put the file in inbox/<engagement id>/ or name it in the URL");
    }
    ProcessInstance running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(key)
            .singleResult();
    if (running != null) {
      exchange.setProperty(INSTANCE, running);
      return;
    }
    if (history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(key)
            .count()
        == 0) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.UNKNOWN_ENGAGEMENT,
          "No engagement has the id '"
              + key
              + "' (or you may not see it): open it in Tasklist first");
    }
  }
}
