package ai.lepton.ingest;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetParseException;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.ReadLimits;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Reads the bytes as CSV or ARFF within the row and bad-row limits (property {@link #PARSED}). */
@Component
public class ParseDataset implements Processor {

  static final String PARSED = "leptonParsed";

  private final IngestProperties properties;

  public ParseDataset(IngestProperties properties) {
    this.properties = properties;
  }

  @Override
  public void process(Exchange exchange) {
    String format = exchange.getMessage().getHeader(IngestHeaders.FORMAT, String.class);
    try {
      exchange.setProperty(PARSED, DatasetReader.read(exchange.getMessage().getBody(byte[].class),
          format == null ? null : DatasetFormat.valueOf(format.toUpperCase(Locale.ROOT)),
          exchange.getMessage().getHeader(IngestHeaders.DATASET_NAME, "dataset", String.class),
          new ReadLimits(properties.maxBadRowShare(), properties.maxRows())));
    } catch (DatasetParseException e) {
      throw new IngestRefusedException(IngestRefusedException.Kind.UNREADABLE, e.getMessage(), e);
    }
  }
}
