package ai.lepton.ingest;

import ai.lepton.ml.Sha256;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Refuses a body over the size limit before anything else reads it, and names the bytes by their
 * SHA-256.
 */
@Component
public class CheckIngestLimits implements Processor {

  private final IngestProperties properties;

  public CheckIngestLimits(IngestProperties properties) {
    this.properties = properties;
  }

  @Override
  public void process(Exchange exchange) {
    byte[] bytes = exchange.getMessage().getBody(byte[].class);
    if (bytes == null) {
      bytes = new byte[0];
      exchange.getMessage().setBody(bytes);
    }
    if (bytes.length > properties.maxSize().toBytes()) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.TOO_LARGE,
          String.format(
              "The dataset is %d MB, over the %d MB limit (lepton.ingest.max-size)",
              bytes.length / 1_000_000, properties.maxSize().toMegabytes()));
    }
    exchange.getMessage().setHeader(IngestHeaders.SHA256, Sha256.hex(bytes));
  }
}
