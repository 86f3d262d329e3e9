package ai.lepton.ingest;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one path every source's data takes: limits, engagement, parse (malformed rows set aside),
 * requirements, pseudonymisation of personal data, store (idempotent by the SHA-256 of the bytes
 * sent), correlation. Each acceptance and refusal is logged with engagement, source, SHA-256 and
 * row counts. Sources send the bytes with {@link IngestHeaders} and get an {@link IngestResult}.
 */
@Component
@EnableConfigurationProperties(IngestProperties.class)
public class DatasetIngestRoute extends RouteBuilder {

  public static final String URI = "direct:ingest";

  private final CheckIngestLimits limits;
  private final FindEngagement engagement;
  private final ParseDataset parse;
  private final CheckAgainstRequirements requirements;
  private final PseudonymisePersonalData pseudonymise;
  private final StoreDataset store;
  private final CorrelateEngagement correlate;
  private final RecordRefusal refusal;

  public DatasetIngestRoute(
      CheckIngestLimits limits,
      FindEngagement engagement,
      ParseDataset parse,
      CheckAgainstRequirements requirements,
      PseudonymisePersonalData pseudonymise,
      StoreDataset store,
      CorrelateEngagement correlate,
      RecordRefusal refusal) {
    this.limits = limits;
    this.engagement = engagement;
    this.parse = parse;
    this.requirements = requirements;
    this.pseudonymise = pseudonymise;
    this.store = store;
    this.correlate = correlate;
    this.refusal = refusal;
  }

  @Override
  public void configure() {
    from(URI)
        .routeId("ingest-dataset")
        .onException(Exception.class)
        .handled(false)
        .log(
            LoggingLevel.WARN,
            "Refused data for ${header.leptonEngagement} from ${header.leptonSource}"
                + " (sha256 ${header.leptonSha256}): ${exception.message}")
        .process(refusal)
        .end()
        .process(limits)
        .process(engagement)
        .process(parse)
        .process(requirements)
        .process(pseudonymise)
        .process(store)
        .process(correlate)
        .log(
            LoggingLevel.INFO,
            "Accepted data for ${header.leptonEngagement} from ${header.leptonSource}:"
                + " ${body.dataset.id}, sha256 ${header.leptonSha256}, ${body.dataset.rows} rows,"
                + " ${body.quarantinedRows} set aside, duplicate ${body.duplicate}, correlated ${body.correlated}");
  }
}
