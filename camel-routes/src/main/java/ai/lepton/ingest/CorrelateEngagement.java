package ai.lepton.ingest;

import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.EngagementProcesses;
import ai.lepton.ml.monitoring.MonitoringDataInbox;
import ai.lepton.process.ProcessMessage;
import ai.lepton.process.ProcessVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Moves the engagement on with the stored dataset ({@code datasetId}, {@code datasetSha256}); when
 * it is not waiting for this message, the dataset stays stored and the source is told so.
 * Monitoring data goes to the engagement's monitoring inbox, read by its next check. The sender was
 * checked by the source (a data sender over HTTP, the inbox's owner for a file drop), so the
 * message is correlated as Lepton ({@link EngagementProcesses#correlateAsLepton}), not with the
 * sender's engine rights, which do not include correlating messages.
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

  private final EngagementProcesses engagements;
  private final MonitoringDataInbox monitoringData;

  public CorrelateEngagement(EngagementProcesses engagements, MonitoringDataInbox monitoringData) {
    this.engagements = engagements;
    this.monitoringData = monitoringData;
  }

  @Override
  public void process(Exchange exchange) {
    IngestResult result = exchange.getMessage().getBody(IngestResult.class);
    String key = exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT, String.class);
    String message =
        exchange.getMessage().getHeader(IngestHeaders.MESSAGE, DATASET_RECEIVED, String.class);
    StoredDataset dataset = result.dataset();
    EngagementProcesses.Running engagement =
        exchange.getProperty(FindEngagement.INSTANCE, EngagementProcesses.Running.class);
    if (result.duplicate() && !feedsAWaitingEngagement(engagement, message, dataset)) {
      return; // the first delivery of these bytes already fed the engagement, or was told why not
    }
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
    if (!engagements.waitsFor(engagement.processInstanceId(), message)) {
      throw new EngagementNotWaitingException(
          result,
          String.format(
              "Engagement %s is not waiting for data (it is at: %s); the dataset is stored as %s",
              key, steps(engagement), dataset.id()));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessVariables.DATASET_ID, dataset.id());
    variables.put(ProcessVariables.DATASET_SHA256, dataset.sha256());
    if (!engagements.correlateAsLepton(engagement.processInstanceId(), message, variables)) {
      throw new EngagementNotWaitingException(
          result,
          String.format(
              "Engagement %s stopped waiting for data; the dataset is stored as %s",
              key, dataset.id()));
    }
    exchange
        .getMessage()
        .setBody(new IngestResult(dataset, result.quarantinedRows(), result.duplicate(), true));
  }

  /**
   * Whether bytes stored before now feed the engagement: it waits for its dataset and was never
   * given this one (they came while it was not waiting, and were refused for that). Sent again once
   * it waits, they move it on; sent again after they fed it, they stay a duplicate.
   */
  private boolean feedsAWaitingEngagement(
      EngagementProcesses.Running engagement, String message, StoredDataset dataset) {
    return engagement != null
        && DATASET_RECEIVED.equals(message)
        && engagements.waitsFor(engagement.processInstanceId(), message)
        && !dataset
            .id()
            .equals(
                engagements.variable(engagement.processInstanceId(), ProcessVariables.DATASET_ID));
  }

  /**
   * Monitoring data is kept for the engagement's next check whenever its model is live (in the
   * maintenance phase): when the engagement waits between checks it checks at once, otherwise (a
   * check or a review under way) the data waits for the next check. Before a model is live there is
   * nothing to monitor: refused, the dataset kept.
   */
  private void correlateMonitoringData(
      Exchange exchange, IngestResult result, String key, EngagementProcesses.Running engagement) {
    StoredDataset dataset = result.dataset();
    if (!engagements.isIn(engagement.processInstanceId(), MAINTENANCE)) {
      throw new EngagementNotWaitingException(
          result,
          String.format(
              "Engagement %s has no live model to monitor yet (it is at: %s); the dataset is stored as %s",
              key, steps(engagement), dataset.id()));
    }
    monitoringData.record(
        dataset.id(), key, exchange.getMessage().getHeader(IngestHeaders.USER, String.class));
    boolean correlated = false;
    if (engagements.waitsFor(engagement.processInstanceId(), MONITORING_DATA_RECEIVED)) {
      // false when a scheduled check started meanwhile: the data waits for the next one
      correlated =
          engagements.correlateAsLepton(
              engagement.processInstanceId(),
              MONITORING_DATA_RECEIVED,
              Map.of("monitoringDatasetId", dataset.id()));
    }
    exchange
        .getMessage()
        .setBody(new IngestResult(dataset, result.quarantinedRows(), false, correlated));
  }

  private String steps(EngagementProcesses.Running engagement) {
    List<String> activities = engagements.activeSteps(engagement.processInstanceId());
    return activities.isEmpty() ? "a background step" : String.join(", ", activities);
  }
}
