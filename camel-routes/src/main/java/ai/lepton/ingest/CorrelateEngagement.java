package ai.lepton.ingest;

import ai.lepton.ml.dataset.StoredDataset;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Moves the engagement on with the stored dataset ({@code datasetId}, {@code datasetSha256}); when it is not waiting
 * for this message, the dataset stays stored and the source is told so.
 */
@Component
public class CorrelateEngagement implements Processor {

  public static final String DATASET_RECEIVED = "DatasetReceived";

  private final RuntimeService runtime;

  public CorrelateEngagement(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void process(Exchange exchange) {
    IngestResult result = exchange.getMessage().getBody(IngestResult.class);
    if (result.duplicate()) {
      return; // the first delivery of these bytes already moved the engagement on, or was told it could not
    }
    String key = exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT, String.class);
    String message = exchange.getMessage().getHeader(IngestHeaders.MESSAGE, DATASET_RECEIVED, String.class);
    StoredDataset dataset = result.dataset();
    ProcessInstance engagement = exchange.getProperty(FindEngagement.INSTANCE, ProcessInstance.class);
    if (engagement == null) {
      throw new EngagementNotWaitingException(result, String.format(
          "Engagement %s has ended; the dataset is stored as %s but feeds nothing", key, dataset.id()));
    }
    boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(engagement.getId())
        .eventType("message").eventName(message).count() > 0;
    if (!waiting) {
      throw new EngagementNotWaitingException(result, String.format(
          "Engagement %s is not waiting for data (it is at: %s); the dataset is stored as %s", key,
          steps(engagement), dataset.id()));
    }
    try {
      runtime.createMessageCorrelation(message).processInstanceId(engagement.getId())
          .setVariable("datasetId", dataset.id())
          .setVariable("datasetSha256", dataset.sha256())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new EngagementNotWaitingException(result, String.format(
          "Engagement %s stopped waiting for data; the dataset is stored as %s", key, dataset.id()));
    }
    exchange.getMessage().setBody(new IngestResult(dataset, result.quarantinedRows(), false, true));
  }

  private String steps(ProcessInstance engagement) {
    List<String> activities = runtime.getActiveActivityIds(engagement.getId());
    return activities.isEmpty() ? "a background step" : String.join(", ", activities);
  }
}
