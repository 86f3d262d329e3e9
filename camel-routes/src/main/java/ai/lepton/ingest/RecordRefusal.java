package ai.lepton.ingest;

import ai.lepton.ml.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Audits a dataset the pipeline refused (DATASET_REFUSED: engagement, source, SHA-256 of the bytes,
 * why), whatever source sent it. A dataset that was stored but found no engagement waiting is not a
 * refusal: its acceptance is already on record.
 */
@Component
public class RecordRefusal implements Processor {

  private final AuditTrail audit;

  public RecordRefusal(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void process(Exchange exchange) {
    Exception refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    if (refusal instanceof EngagementNotWaitingException) {
      return;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("source", exchange.getMessage().getHeader(IngestHeaders.SOURCE, String.class));
    payload.put("name", exchange.getMessage().getHeader(IngestHeaders.DATASET_NAME, String.class));
    payload.put("sha256", exchange.getMessage().getHeader(IngestHeaders.SHA256, String.class));
    payload.put("reason", refusal == null ? "unknown" : refusal.getMessage());
    String engagement = exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT, String.class);
    audit.appendRegardless(
        exchange
            .getMessage()
            .getHeader(
                IngestHeaders.USER,
                exchange.getMessage().getHeader(IngestHeaders.SOURCE, String.class),
                String.class),
        "DATASET_REFUSED",
        "engagement",
        engagement == null ? "unknown" : engagement,
        payload);
  }
}
