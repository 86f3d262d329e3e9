package ai.lepton.ingest;

import ai.lepton.process.ProcessMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The file drop: a CSV or ARFF file put in {@code <inbox>/<engagement id>/} goes through {@link
 * DatasetIngestRoute}; one put in {@code <inbox>/<engagement id>/monitoring/} goes the same way as
 * production data for the monitoring of the engagement's live model ({@code
 * MonitoringDataReceived}). Accepted files move to {@code .done/}, refused ones to {@code .error/}
 * with a {@code <file>.error.txt} saying why (both names prefixed with the time they were read, so
 * nothing is overwritten). {@code <inbox>/decisions/} holds records to decide and {@code
 * <inbox>/news/} news to monitor, not datasets: this route leaves them to the decision file drop
 * and the news route.
 *
 * <p>Half-written files are not read: Camel's {@code readLock=changed} reads a file only once its
 * size and time stamp have stayed the same for {@code lepton.ingest.file-stable-for}.
 */
@Component
public class FileDropRoute extends RouteBuilder {

  static final String ARCHIVE_NAME = "leptonArchiveName";

  /** The sub-folder of an engagement's inbox for production data (monitoring). */
  static final String MONITORING_FOLDER = "monitoring";

  static final String ARCHIVE_FOLDER = "leptonArchiveFolder";

  /** Records to decide, not datasets: read by the starter's decision file drop. */
  static final String DECISIONS_FOLDER = "decisions";

  /** News articles to monitor, not datasets: read by the news-monitoring route. */
  public static final String NEWS_FOLDER = "news";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

  private final IngestProperties properties;

  public FileDropRoute(IngestProperties properties) {
    this.properties = properties;
  }

  @Override
  public void configure() throws IOException {
    Path inbox = Path.of(properties.inbox()).toAbsolutePath().normalize();
    Files.createDirectories(inbox);
    long stableMillis = properties.fileStableFor().toMillis();
    // A refusal is an answer, not a failure of this route: the file moves to the folder the outcome
    // names.
    fromF(
            "file:%s?recursive=true&minDepth=2&maxDepth=3&readLock=changed&readLockMinAge=%d"
                + "&readLockCheckInterval=%d&readLockTimeout=%d&move=${file:parent}/${header.%s}/${header.%s}"
                + "&moveFailed=${file:parent}/.error/${file:onlyname}&include=.*\\.(csv|CSV|arff|ARFF|txt|TXT)"
                + "&antExclude="
                + DECISIONS_FOLDER
                + "/**,"
                + NEWS_FOLDER
                + "/**",
            inbox,
            stableMillis,
            Math.max(100, stableMillis / 4),
            Math.max(10_000, stableMillis * 10),
            ARCHIVE_FOLDER,
            ARCHIVE_NAME)
        .routeId("ingest-file-drop")
        .process(
            exchange ->
                exchange
                    .getMessage()
                    .setHeader(
                        ARCHIVE_NAME,
                        LocalDateTime.now().format(STAMP)
                            + "-"
                            + exchange
                                .getMessage()
                                .getHeader(Exchange.FILE_NAME_ONLY, String.class)))
        .convertBodyTo(byte[].class)
        .doTry()
        .process(this::describe)
        .to(DatasetIngestRoute.URI)
        .setHeader(ARCHIVE_FOLDER, constant(".done"))
        .doCatch(Exception.class)
        .process(this::writeErrorNote)
        .end();
  }

  private void describe(Exchange exchange) {
    String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    Path parent = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class));
    Path relative =
        Path.of(properties.inbox())
            .toAbsolutePath()
            .normalize()
            .relativize(parent.toAbsolutePath().normalize());
    if (relative.getNameCount() == 2 && !MONITORING_FOLDER.equals(relative.getName(1).toString())) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.UNKNOWN_ENGAGEMENT,
          "Put files in <inbox>/<engagement"
              + " id>/, or production data in <inbox>/<engagement id>/monitoring/, not in "
              + relative);
    }
    if (relative.getNameCount() == 2) {
      exchange
          .getMessage()
          .setHeader(IngestHeaders.MESSAGE, ProcessMessage.MONITORING_DATA_RECEIVED.messageName());
    }
    exchange.getMessage().setHeader(IngestHeaders.ENGAGEMENT, relative.getName(0).toString());
    exchange.getMessage().setHeader(IngestHeaders.SOURCE, "file");
    exchange.getMessage().setHeader(IngestHeaders.DATASET_NAME, name);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".arff")) {
      exchange.getMessage().setHeader(IngestHeaders.FORMAT, "arff");
    } else if (lower.endsWith(".csv")) {
      exchange.getMessage().setHeader(IngestHeaders.FORMAT, "csv");
    }
  }

  private void writeErrorNote(Exchange exchange) throws IOException {
    Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    exchange.getMessage().setHeader(ARCHIVE_FOLDER, ".error");
    Path errors =
        Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class))
            .resolve(".error");
    Files.createDirectories(errors);
    String note =
        failure instanceof EngagementNotWaitingException notWaiting
            ? "Stored as "
                + notWaiting.dataset().id()
                + ", but no engagement waited for it: "
                + failure.getMessage()
            : "Refused, nothing stored: "
                + (failure == null ? "unknown reason" : failure.getMessage());
    Files.writeString(
        errors.resolve(exchange.getMessage().getHeader(ARCHIVE_NAME, String.class) + ".error.txt"),
        note + System.lineSeparator(),
        StandardCharsets.UTF_8);
    log.warn(
        "Dropped file {} for {} moved to .error: {}",
        exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY),
        exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT),
        note);
  }
}
