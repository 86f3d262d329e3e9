package ai.lepton.decisions;

import ai.lepton.ml.scoring.ScoringException;
import ai.lepton.rules.RuleSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Batch decisions by file: a CSV (header row) or JSON lines file ({@code .jsonl}) put in {@code
 * <inbox>/decisions/<model>/} is decided with the model's approved rule set (when it has one; else
 * put it in {@code <inbox>/decisions/<model>/<rule set>/}), as {@code POST
 * /api/decisions/<model>/batch} decides it, and the answers are written to {@code
 * <outbox>/<model>/<time>-<file>.answers.csv} (written aside, then moved in, so a reader never sees
 * half a file). The file moves to {@code .done/}; one naming no deployed model or no rule set it
 * may use moves to {@code .error/} with a {@code .error.txt} saying why, and nothing is decided.
 * Files are read once their size has stayed the same for {@code lepton.ingest.file-stable-for}.
 * Each folder is decided as the account named for it ({@link DecisionFolderAccounts}), which the
 * decision log and audit trail name; a folder without one, or whose account may not make decisions,
 * has its files refused to {@code .error/} and the refusal audited.
 */
public class DecisionFileDropRoute extends RouteBuilder {

  private static final String ARCHIVE_NAME = "leptonArchiveName";
  private static final String ARCHIVE_FOLDER = "leptonArchiveFolder";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

  private final BatchDecisions batches;
  private final DecisionFolderAccounts accounts;
  private final Path inbox;
  private final Path outbox;
  private final long stableMillis;

  public DecisionFileDropRoute(
      BatchDecisions batches,
      DecisionFolderAccounts accounts,
      Path inbox,
      Path outbox,
      long stableMillis) {
    this.batches = batches;
    this.accounts = accounts;
    this.inbox = inbox.toAbsolutePath().normalize();
    this.outbox = outbox.toAbsolutePath().normalize();
    this.stableMillis = stableMillis;
  }

  @Override
  public void configure() throws IOException {
    Files.createDirectories(inbox);
    Files.createDirectories(outbox);
    fromF(
            "file:%s?recursive=true&minDepth=2&maxDepth=3&readLock=changed&readLockMinAge=%d"
                + "&readLockCheckInterval=%d&readLockTimeout=%d&move=${file:parent}/${header.%s}/${header.%s}"
                + "&moveFailed=${file:parent}/.error/${file:onlyname}&include=.*\\.(csv|CSV|jsonl|JSONL|ndjson)",
            inbox,
            stableMillis,
            Math.max(100, stableMillis / 4),
            Math.max(10_000, stableMillis * 10),
            ARCHIVE_FOLDER,
            ARCHIVE_NAME)
        .routeId("decision-file-drop")
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
        .doTry()
        .process(this::decide)
        .setHeader(ARCHIVE_FOLDER, constant(".done"))
        .doCatch(Exception.class)
        .process(this::writeErrorNote)
        .end();
  }

  private void decide(Exchange exchange) throws IOException {
    Path parent =
        Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class))
            .toAbsolutePath()
            .normalize();
    Path relative = inbox.relativize(parent);
    String model = relative.getName(0).toString();
    String account =
        accounts.accountFor(
            model, exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class));
    String ruleSetName;
    if (relative.getNameCount() == 2) {
      ruleSetName = relative.getName(1).toString();
    } else {
      List<String> approved = batches.ruleSets(model);
      if (approved.size() != 1) {
        throw new ScoringException(
            ScoringException.RULE_SET_NOT_APPROVED,
            "Model '"
                + model
                + "' may decide with "
                + approved
                + ": put the file in decisions/"
                + model
                + "/<rule set>/ to say which");
      }
      ruleSetName = approved.get(0);
    }
    RuleSet ruleSet = batches.check(model, ruleSetName);
    String name = exchange.getMessage().getHeader(ARCHIVE_NAME, String.class);
    boolean csv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
    Path answers =
        outbox.resolve(model).resolve(name.replaceFirst("\\.[^.]+$", "") + ".answers.csv");
    Files.createDirectories(answers.getParent());
    Path partial = answers.resolveSibling("." + answers.getFileName() + ".part");
    try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class);
        Reader body = new InputStreamReader(in, StandardCharsets.UTF_8);
        Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8));
        CSVPrinter printer =
            CSVFormat.DEFAULT
                .builder()
                .setHeader(BatchAnswer.COLUMNS.toArray(String[]::new))
                .get()
                .print(out)) {
      Iterator<BatchRow> rows =
          csv
              ? BatchRows.csv(body, cells -> batches.fromText(model, cells))
              : BatchRows.jsonLines(body);
      BatchSummary summary =
          batches.decide(
              BatchDecisions.newBatchId(),
              model,
              ruleSet,
              rows,
              account,
              answer -> {
                try {
                  printer.printRecord(answer.cells());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      log.info(
          "Decided {} of {} rows of {} with {} ({}) as {}; answers in {}",
          summary.decided(),
          summary.rows(),
          name,
          model,
          ruleSet.wireName(),
          account,
          answers);
    } catch (org.apache.camel.InvalidPayloadException e) {
      throw new IOException(e);
    }
    Files.move(
        partial, answers, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void writeErrorNote(Exchange exchange) throws IOException {
    Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    exchange.getMessage().setHeader(ARCHIVE_FOLDER, ".error");
    log.warn(
        "Decision file {} moved to .error: {}",
        exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY),
        failure == null ? "unknown reason" : failure.getMessage());
    Path errors =
        Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class))
            .resolve(".error");
    Files.createDirectories(errors);
    Files.writeString(
        errors.resolve(exchange.getMessage().getHeader(ARCHIVE_NAME, String.class) + ".error.txt"),
        "Not decided, nothing logged: "
            + (failure == null ? "unknown reason" : failure.getMessage())
            + System.lineSeparator(),
        StandardCharsets.UTF_8);
  }
}
