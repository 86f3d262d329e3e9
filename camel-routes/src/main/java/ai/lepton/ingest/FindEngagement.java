package ai.lepton.ingest;

import ai.lepton.ml.engagement.EngagementProcesses;
import ai.lepton.process.ProcessKey;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Finds the running engagement the data is for (property {@link #INSTANCE}, an {@link
 * EngagementProcesses.Running}); an ended one leaves the property empty (the data is still kept),
 * an id no engagement ever had is refused.
 */
@Component
public class FindEngagement implements Processor {

  public static final String PROCESS_KEY = ProcessKey.AI_ENGAGEMENT.key();
  static final String INSTANCE = "leptonEngagementInstance";

  private final EngagementProcesses engagements;

  public FindEngagement(EngagementProcesses engagements) {
    this.engagements = engagements;
  }

  @Override
  public void process(Exchange exchange) {
    String key = exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT, String.class);
    if (key == null || key.isBlank()) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.UNKNOWN_ENGAGEMENT,
          "No engagement id given: put the file in inbox/<engagement id>/ or name it in the URL");
    }
    Optional<EngagementProcesses.Running> running = engagements.running(key);
    if (running.isPresent()) {
      exchange.setProperty(INSTANCE, running.get());
      return;
    }
    if (!engagements.everOpened(key)) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.UNKNOWN_ENGAGEMENT,
          "No engagement has the id '"
              + key
              + "' (or you may not see it): open it in Tasklist first");
    }
  }
}
