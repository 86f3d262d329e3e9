package ai.lepton.ingest;

import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.ml.monitoring.MonitoringDataInbox;
import ai.lepton.process.ProcessMessage;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Moves the engagement on with the stored dataset ({@code datasetId}, {@code datasetSha256}); when
 * it is not waiting for this message, the dataset stays stored and the source is told so.
 * Monitoring data goes to the engagement's monitoring inbox, read by its next check. The sender was
 * checked by the source (a data sender over HTTP, the inbox's owner for a file drop), so the
 * message is correlated as Lepton ({@link AsLepton}), not with the sender's engine rights, which do
 * not include correlating messages.
 */
@Component
public class CorrelateEngagement implements Processor {

  private static final String DATASET_RECEIVED = ProcessMessage.DATASET_RECEIVED.messageName();
  private static final String MONITORING_DATA_RECEIVED =
      ProcessMessage.MONITORING_DATA_RECEIVED.messageName();

  /**
   * The maintenance phase of ai-engagement: monitoring data is taken while the engagement is in it.
   */
  static final String MAINTENANCE = "SubProcess_Maintenance";

  private final RuntimeService runtime;
  private final MonitoringDataInbox monitoringData;
  private final AsLepton asLepton;

  public CorrelateEngagement(
      RuntimeService runtime, MonitoringDataInbox monitoringData, AsLepton asLepton) {
    this.runtime = runtime;
    this.monitoringData = monitoringData;
    this.asLepton = asLepton;
  }

  @Override
  public void process(Exchange exchange) {
    IngestResult result = exchange.getMessage().getBody(IngestResult.class);
    if (result.duplicate()) {
      return; // the first delivery of these bytes already moved the engagement on, or was told it
      // could not
    }
    String key = exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT, String.class);
    String message =
        exchange.getMessage().getHeader(IngestHeaders.MESSAGE, DATASET_RECEIVED, String.class);
    StoredDataset dataset = result.dataset();
    ProcessInstance engagement =
        exchange.getProperty(FindEngagement.INSTANCE, ProcessInstance.class);
    if (engagement == null) {
      throw new EngagementNotWaitingException(
          result,
          String.format(
              "Engagement %s has ended; the dataset is stored as %s but feeds nothing",
              key, dataset.id()));
    }
    if (MONITORING_DATA_RECEIVED.equals(message)) {
      correlateMonitoringData(exchange, result, key, engagement);
      return;
    }
    boolean waiting =
        runtime
                .createEventSubscriptionQuery()
                .processInstanceId(engagement.getId())
                .eventType("message")
                .eventName(message)
                .count()
            > 0;
    if (!waiting) {
      throw new EngagementNotWaitingException(
          result,
          String.format(
              "Engagement %s is not waiting for data (it is at: %s); the dataset is stored as %s",
              key, steps(engagement), dataset.id()));
    }
    try {
      asLepton.run(
          () ->
              runtime
                  .createMessageCorrelation(message)
                  .processInstanceId(engagement.getId())
                  .setVariable("datasetId", dataset.id())
                  .setVariable("datasetSha256", dataset.sha256())
                  .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new EngagementNotWaitingException(
          result,
          String.format(
              "Engagement %s stopped waiting for data; the dataset is stored as %s",
              key, dataset.id()));
    }
    exchange.getMessage().setBody(new IngestResult(dataset, result.quarantinedRows(), false, true));
  }

  /**
   * Monitoring data is kept for the engagement's next check whenever its model is live (in the
   * maintenance phase): when the engagement waits between checks it checks at once, otherwise (a
   * check or a review under way) the data waits for the next check. Before a model is live there is
   * nothing to monitor: refused, the dataset kept.
   */
  private void correlateMonitoringData(
      Exchange exchange, IngestResult result, String key, ProcessInstance engagement) {
    StoredDataset dataset = result.dataset();
    ActivityInstance tree = runtime.getActivityInstance(engagement.getId());
    if (tree == null || tree.getActivityInstances(MAINTENANCE).length == 0) {
      throw new EngagementNotWaitingException(
          result,
          String.format(
              "Engagement %s has no live model to monitor yet (it is at: %s); the dataset is stored as %s",
              key, steps(engagement), dataset.id()));
    }
    monitoringData.record(
        dataset.id(), key, exchange.getMessage().getHeader(IngestHeaders.USER, String.class));
    boolean correlated = false;
    if (runtime
            .createEventSubscriptionQuery()
            .processInstanceId(engagement.getId())
            .eventType("message")
            .eventName(MONITORING_DATA_RECEIVED)
            .count()
        > 0) {
      try {
        asLepton.run(
            () ->
                runtime
                    .createMessageCorrelation(MONITORING_DATA_RECEIVED)
                    .processInstanceId(engagement.getId())
                    .setVariable("monitoringDatasetId", dataset.id())
                    .correlateWithResult());
        correlated = true;
      } catch (MismatchingMessageCorrelationException checkStartedMeanwhile) {
        // a scheduled check started meanwhile: the data waits for the next one
      }
    }
    exchange
        .getMessage()
        .setBody(new IngestResult(dataset, result.quarantinedRows(), false, correlated));
  }

  private String steps(ProcessInstance engagement) {
    List<String> activities = runtime.getActiveActivityIds(engagement.getId());
    return activities.isEmpty() ? "a background step" : String.join(", ", activities);
  }
}
