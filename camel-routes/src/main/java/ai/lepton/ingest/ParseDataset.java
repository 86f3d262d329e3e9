package ai.lepton.ingest;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetParseException;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.PersonalDataSettings;
import ai.lepton.ml.dataset.ReadLimits;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Reads the bytes as CSV or ARFF within the row and bad-row limits (property {@link #PARSED});
 * values of the engagement's personal-data columns (property {@link #PERSONAL_COLUMNS}) never
 * appear in its messages.
 */
@Component
public class ParseDataset implements Processor {

  static final String PARSED = "leptonParsed";
  static final String PERSONAL_COLUMNS = "leptonPersonalColumns";

  private final IngestProperties properties;
  private final PersonalDataSettings personalData;
  private final RequirementsRecord requirements;

  public ParseDataset(
      IngestProperties properties,
      PersonalDataSettings personalData,
      RequirementsRecord requirements) {
    this.properties = properties;
    this.personalData = personalData;
    this.requirements = requirements;
  }

  @Override
  public void process(Exchange exchange) {
    String key = exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT, String.class);
    // the engagement's personal-data columns as recorded with its requirements, never from a
    // variable
    Set<String> personal =
        personalData.columnsFor(
            key == null
                ? null
                : requirements.latest(key).map(Requirements::piiColumns).orElse(null));
    exchange.setProperty(PERSONAL_COLUMNS, personal);
    String format = exchange.getMessage().getHeader(IngestHeaders.FORMAT, String.class);
    try {
      exchange.setProperty(
          PARSED,
          DatasetReader.read(
              exchange.getMessage().getBody(byte[].class),
              format == null ? null : DatasetFormat.valueOf(format.toUpperCase(Locale.ROOT)),
              exchange.getMessage().getHeader(IngestHeaders.DATASET_NAME, "dataset", String.class),
              new ReadLimits(properties.maxBadRowShare(), properties.maxRows(), personal)));
    } catch (DatasetParseException e) {
      throw new IngestRefusedException(IngestRefusedException.Kind.UNREADABLE, e.getMessage(), e);
    }
  }
}
