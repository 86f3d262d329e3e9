package ai.lepton.api;

import ai.lepton.decisions.BatchAnswer;
import ai.lepton.decisions.BatchDecisions;
import ai.lepton.decisions.BatchRow;
import ai.lepton.decisions.BatchRows;
import ai.lepton.decisions.BatchSummary;
import ai.lepton.metrics.DecisionMeters;
import ai.lepton.ml.scoring.ScoringException;
import ai.lepton.rules.RuleSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.Metrics;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batch decisions: a CSV (header row) or JSON lines body, every row decided, logged under one batch
 * id and answered in the same format, streamed as the rows are decided. Rows that are not records
 * are answered with their error; the batch goes on. The call needs the same right as a single
 * decision.
 *
 * <p>The whole body is received before the first answer is written (kept in a temporary file only
 * its owner reads, deleted when the call ends): a client that sends its whole request before it
 * reads the answer — Java's own HTTP client among them — would otherwise stall once the answers
 * filled the connection's buffers while the rest of its request waited to be read, and both ends
 * would wait until the connection timed out. A body past {@code lepton.ingest.max-size} is
 * therefore a 413 before anything is decided.
 */
@ConditionalOnProperty(prefix = "lepton.decisions", name = "enabled", matchIfMissing = true)
@RestController
public class BatchDecisionController {

  /** JSON lines, as most tools name them. */
  static final String JSON_LINES = "application/x-ndjson";

  static final String CSV = "text/csv";

  /** The answer's header naming the batch (its decisions carry it in the log). */
  static final String BATCH_HEADER = "Lepton-Batch-Id";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final BatchDecisions batches;
  private final ProcessStartRights rights;
  private final IdentityService identity;
  private final DecisionMeters meters;

  public BatchDecisionController(
      BatchDecisions batches,
      ProcessStartRights rights,
      IdentityService identity,
      ObjectProvider<DecisionMeters> meters) {
    this.batches = batches;
    this.rights = rights;
    this.identity = identity;
    this.meters = meters.getIfAvailable(() -> new DecisionMeters(Metrics.globalRegistry));
  }

  @PostMapping(
      path = "/api/decisions/{modelName}/batch",
      consumes = {CSV, JSON_LINES, "application/jsonl"})
  @Operation(
      summary = "Decide on many records at once, CSV or JSON lines in and out",
      description =
          "Each row is scored by the live model version and decided by the rule set as a single decision"
              + " is, and logged with the batch's id (header Lepton-Batch-Id). The answer streams one row per record in"
              + " the body's format: row, decision, prediction, probability, decision_id, rules_fired, reason, or error"
              + " and detail for a row that is not a record (nothing logged for it). 404 unknown model, 400 a rule set"
              + " the model was not approved for, 403 groups that may not decide, 413 over lepton.ingest.max-size.")
  public void batch(
      @PathVariable String modelName,
      @RequestParam String ruleSet,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Authentication user = identity.getCurrentAuthentication();
    String path = "/api/decisions/" + modelName + "/batch";
    rights.requireDecisionRight(user, "POST " + path, path);
    RuleSet rules;
    try {
      rules = batches.check(modelName, ruleSet);
    } catch (ScoringException e) {
      throw ApiException.modelRefused(e.code(), e.getMessage());
    }
    boolean csv =
        MediaType.parseMediaType(request.getContentType())
            .isCompatibleWith(MediaType.parseMediaType(CSV));
    Path received = Files.createTempFile("lepton-batch-", ".body");
    try {
      try (InputStream in = request.getInputStream()) {
        Files.copy(in, received, StandardCopyOption.REPLACE_EXISTING);
      }
      try (Reader body =
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(received), StandardCharsets.UTF_8),
              1 << 16)) {
        answer(modelName, rules, csv, body, user, response);
      }
    } finally {
      Files.deleteIfExists(received);
    }
  }

  private void answer(
      String modelName,
      RuleSet rules,
      boolean csv,
      Reader body,
      Authentication user,
      HttpServletResponse response)
      throws IOException {
    Iterator<BatchRow> rows;
    try {
      rows =
          csv
              ? BatchRows.csv(body, cells -> batches.fromText(modelName, cells))
              : BatchRows.jsonLines(body);
    } catch (IOException | IllegalArgumentException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid batch",
          "Send a CSV whose first row names the model's attributes, or JSON lines: "
              + e.getMessage());
    }
    String batchId = BatchDecisions.newBatchId();
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType((csv ? CSV : JSON_LINES) + ";charset=UTF-8");
    response.setHeader(BATCH_HEADER, batchId);
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    CSVPrinter printer =
        csv
            ? CSVFormat.DEFAULT
                .builder()
                .setHeader(BatchAnswer.COLUMNS.toArray(String[]::new))
                .get()
                .print(out)
            : null;
    BatchSummary summary =
        batches.decide(
            batchId,
            modelName,
            rules,
            rows,
            user.getUserId(),
            answer -> {
              try {
                if (printer != null) {
                  printer.printRecord(answer.cells());
                } else {
                  out.write(JSON.writeValueAsString(answer));
                  out.write('\n');
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    out.flush();
    meters.batch(modelName, summary.decided(), summary.refused());
  }
}
