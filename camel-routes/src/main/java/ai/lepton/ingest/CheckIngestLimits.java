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
    // named by its SHA-256 first, so that a refusal for its size names the bytes too
    exchange.getMessage().setHeader(IngestHeaders.SHA256, Sha256.hex(bytes));
    long limit = properties.maxSize().toBytes();
    if (bytes.length > limit) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.TOO_LARGE,
          String.format(
              java.util.Locale.ROOT,
              "The dataset is %.1f MB (%,d bytes), over the %d MB limit (lepton.ingest.max-size)",
              bytes.length / (1024.0 * 1024.0),
              bytes.length,
              properties.maxSize().toMegabytes()));
    }
  }
}
