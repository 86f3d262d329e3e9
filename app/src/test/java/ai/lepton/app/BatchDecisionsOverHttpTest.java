package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retention campaign's customers decided in one call, as CSV and as JSON lines: every row
 * answered in order, the good ones logged under the batch's id and decided as a single call decides
 * them, the bad ones answered with their error while the batch goes on.
 */
class BatchDecisionsOverHttpTest extends HttpTestSupport {

  private static final String BATCH = "/api/decisions/churn-risk/batch?ruleSet=churn-retention";
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void demoChurnModelIsLive() {
    waitFor(
        "the demo churn model",
        Duration.ofMinutes(3),
        () -> get("pm", "/api/models/live?name=churn-risk&at=" + Instant.now()).status() == 200);
  }

  @Test
  void aCsvOfCustomersIsDecidedRowByRowAndLoggedUnderOneBatch() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../datasets/wa_churn.csv"));
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 1; i <= 1_200; i++) {
      csv.append(lines.get(i)).append('\n');
    }
    String unknownContract =
        lines
            .get(5)
            .replace("\"Month-to-month\"", "\"Forever\"")
            .replace("\"One year\"", "\"Forever\"")
            .replace("\"Two year\"", "\"Forever\"");
    csv.append(unknownContract).append('\n'); // row 1201: a contract the model never saw
    csv.append("\"No\",1,0\n"); // row 1202: three cells under a header of twenty
    csv.append(lines.get(7)).append('\n'); // row 1203: fine again

    Reply answer = post("pm", BATCH, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    String batchId = answer.raw().headers().firstValue("Lepton-Batch-Id").orElseThrow();
    assertThat(answer.raw().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/csv");
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(answer.text()))
            .getRecords();
    assertThat(rows).hasSize(1_203);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).get("row")).isEqualTo(String.valueOf(i + 1));
    }
    assertThat(rows.get(1_200).get("error")).isEqualTo("INVALID_FEATURES");
    assertThat(rows.get(1_200).get("detail")).contains("contract").contains("Forever");
    assertThat(rows.get(1_201).get("error")).isEqualTo("NOT_A_RECORD");
    assertThat(rows.get(1_201).get("detail")).contains("3 cells").contains("20");
    assertThat(rows.get(1_202).get("decision")).isNotEmpty();
    assertThat(rows.stream().filter(row -> !row.get("decision_id").isEmpty()))
        .as(
            rows.stream()
                .filter(row -> !row.get("error").isEmpty())
                .map(row -> row.get("row") + " " + row.get("error") + " " + row.get("detail"))
                .toList()
                .toString())
        .hasSize(1_201);

    // the first customer decided alone gets the same decision and probability
    Map<String, Object> first = record(lines.get(0), lines.get(1));
    JsonNode single =
        postJson("pm", "/api/decisions/churn-risk?ruleSet=churn-retention", first).json();
    assertThat(rows.get(0).get("decision")).isEqualTo(single.path("decision").asText());
    assertThat(Double.parseDouble(rows.get(0).get("probability")))
        .isEqualTo(single.path("probability").asDouble());
    assertThat(rows.get(0).get("prediction")).isEqualTo(single.path("prediction").asText());

    // the log holds the rows under the batch's id; the audit trail holds the batch
    JsonNode logged = get("auditor", "/api/decisions?model=churn-risk&limit=1000").json();
    List<String> inBatch = new ArrayList<>();
    logged.forEach(
        d -> {
          if (batchId.equals(d.path("batchId").asText())) {
            inBatch.add(d.path("decisionId").asText());
            assertThat(d.path("requestedBy").asText()).isEqualTo("pm");
          }
        });
    assertThat(inBatch).hasSizeGreaterThan(990).contains(rows.get(1_202).get("decision_id"));
    assertThat(auditEntries())
        .anySatisfy(
            entry ->
                assertThat(entry.toString())
                    .contains("DECISION_BATCH")
                    .contains(batchId)
                    .contains("\"decided\":1201")
                    .contains("\"refused\":2")
                    .contains("\"pm\""));
  }

  @Test
  void jsonLinesAreAnsweredAsJsonLines() throws IOException {
    String customer =
        Files.readString(Path.of("../docs/examples/churn-customer.json"))
            .replaceAll("\\s*\n\\s*", " ");
    String body = customer + "\n\n" + "[1, 2]\n" + "{not json\n" + customer + "\n";

    Reply answer = post("pm", BATCH, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : answer.text().split("\n")) {
      rows.add(JSON.readTree(line));
    }
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).path("decisionId").asText()).startsWith("dc-");
    assertThat(rows.get(1).path("error").asText()).isEqualTo("NOT_A_RECORD");
    assertThat(rows.get(2).path("error").asText()).isEqualTo("NOT_A_RECORD");
    assertThat(rows.get(2).path("detail").asText()).startsWith("Not JSON");
    assertThat(rows.get(3).path("decision").asText())
        .isEqualTo(rows.get(0).path("decision").asText());
    assertThat(rows.get(3).path("row").asInt()).isEqualTo(4);
  }

  @Test
  void anEndlessLineEndsTheBatchWithoutFillingTheMemory() throws IOException {
    String customer =
        Files.readString(Path.of("../docs/examples/churn-customer.json"))
            .replaceAll("\\s*\n\\s*", " ");
    String endless = "{\"note\": \"" + "x".repeat(200_000) + "\"}";

    Reply jsonLines =
        post(
            "pm",
            BATCH,
            "application/x-ndjson",
            (customer + "\n" + endless + "\n" + customer + "\n").getBytes(StandardCharsets.UTF_8));
    String[] answered = jsonLines.text().split("\n");
    assertThat(answered).hasSize(2);
    assertThat(JSON.readTree(answered[0]).path("decisionId").asText()).startsWith("dc-");
    assertThat(JSON.readTree(answered[1]).path("error").asText()).isEqualTo("NOT_A_RECORD");
    assertThat(JSON.readTree(answered[1]).path("detail").asText()).contains("longer than 65536");

    List<String> lines = Files.readAllLines(Path.of("../datasets/wa_churn.csv"));
    String csv =
        lines.get(0)
            + "\n"
            + lines.get(1)
            + "\n\""
            + "y".repeat(200_000)
            + "\"\n"
            + lines.get(2)
            + "\n";
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(
                new StringReader(
                    post("pm", BATCH, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).text()))
            .getRecords();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("decision_id")).startsWith("dc-");
    assertThat(rows.get(1).get("error")).isEqualTo("NOT_A_RECORD");
    assertThat(rows.get(1).get("detail")).contains("longer than 65536");
  }

  @Test
  void whatCannotBeABatchIsRefusedBeforeAnyRowIsDecided() {
    byte[] one = "tenure,contract\n1,Month-to-month\n".getBytes(StandardCharsets.UTF_8);
    assertThat(post("auditor", BATCH, "text/csv", one).status()).isEqualTo(403);
    assertThat(auditEntries())
        .anySatisfy(
            entry ->
                assertThat(entry.toString())
                    .contains("AUTHORIZATION_REFUSED")
                    .contains("POST /api/decisions/churn-risk/batch")
                    .contains("\"auditor\""));
    assertThat(
            post(
                    "pm",
                    "/api/decisions/no-such-model/batch?ruleSet=churn-retention",
                    "text/csv",
                    one)
                .status())
        .isEqualTo(404);
    Reply wrongRules =
        post("pm", "/api/decisions/churn-risk/batch?ruleSet=credit-decision", "text/csv", one);
    assertThat(wrongRules.status()).isEqualTo(400);
    assertThat(wrongRules.json().path("error").asText()).isEqualTo("RULE_SET_NOT_APPROVED");
    assertThat(
            post("pm", "/api/decisions/churn-risk/batch?ruleSet=data-quality", "text/csv", one)
                .status())
        .isEqualTo(400);
    assertThat(
            post("pm", BATCH, "application/xml", "<customers/>".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(415);
    // the test context's lepton.ingest.max-size is 5 MB
    Reply tooLarge = post("pm", BATCH, "text/csv", new byte[6 * 1024 * 1024]);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().path("detail").asText())
        .contains("A batch of records")
        .contains("lepton.ingest.max-size");
  }

  @Test
  void aFileDroppedForAModelIsDecidedIntoTheOutbox() throws IOException {
    Path inbox = Path.of("target/http-test-data/inbox/decisions");
    Path outbox = Path.of("target/http-test-data/outbox/decisions/churn-risk");
    List<String> lines = Files.readAllLines(Path.of("../datasets/wa_churn.csv"));
    if (Files.isDirectory(outbox)) { // answers of an earlier run of this test
      try (var earlier = Files.list(outbox)) {
        for (Path file : earlier.toList()) {
          Files.delete(file);
        }
      }
    }
    for (String refused :
        List.of("no-such-model", "credit-risk")) { // notes of an earlier run of this test
      if (Files.isDirectory(inbox.resolve(refused))) {
        try (var earlier = Files.walk(inbox.resolve(refused))) {
          for (Path file : earlier.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
    }
    Files.createDirectories(inbox.resolve("churn-risk"));
    Files.createDirectories(inbox.resolve("no-such-model"));
    Files.createDirectories(inbox.resolve("credit-risk"));
    Path part = inbox.resolve("churn-risk/.campaign.part");
    Files.write(part, lines.subList(0, 51));
    Files.move(part, inbox.resolve("churn-risk/campaign.csv"));
    Files.write(inbox.resolve("no-such-model/campaign.csv"), lines.subList(0, 3));
    Files.write(inbox.resolve("credit-risk/applicants.csv"), lines.subList(0, 3));

    waitFor("the answers in the outbox", Duration.ofSeconds(30), () -> answersIn(outbox) != null);
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(answersIn(outbox)))
            .getRecords();
    assertThat(rows).hasSize(50);
    assertThat(rows).allSatisfy(row -> assertThat(row.get("decision_id")).startsWith("dc-"));
    waitFor(
        "the file archived",
        Duration.ofSeconds(10),
        () -> !Files.exists(inbox.resolve("churn-risk/campaign.csv")));
    try (var done = Files.list(inbox.resolve("churn-risk/.done"))) {
      assertThat(done.map(file -> file.getFileName().toString()))
          .anyMatch(name -> name.endsWith("-campaign.csv"));
    }
    assertThat(refusalNote(inbox.resolve("no-such-model")))
        .contains("Not decided")
        .contains("no-such-model")
        .contains("lepton.decisions.file-drop.accounts.no-such-model");
    assertThat(refusalNote(inbox.resolve("credit-risk")))
        .contains("Not decided")
        .contains("auditor")
        .contains("may not make decisions");
    List<JsonNode> audit = auditEntries();
    assertThat(audit)
        .anySatisfy(
            entry ->
                assertThat(entry.toString())
                    .contains("DECISION_BATCH")
                    .contains("\"decided\":50")
                    .contains("\"actor\":\"pm\""));
    assertThat(audit)
        .anySatisfy(
            entry ->
                assertThat(entry.toString())
                    .contains("AUTHORIZATION_REFUSED")
                    .contains("inbox/decisions/credit-risk/")
                    .contains("\"actor\":\"auditor\""));
    assertThat(audit)
        .anySatisfy(
            entry ->
                assertThat(entry.toString())
                    .contains("AUTHORIZATION_REFUSED")
                    .contains("inbox/decisions/no-such-model/"));
    assertThat(get("auditor", "/api/decisions?model=credit-risk").json().toString())
        .as("nothing of the refused folder decided")
        .doesNotContain("\"requestedBy\":\"auditor\"");
  }

  /** The note written beside a refused file in the folder's {@code .error/}, once it is there. */
  private String refusalNote(Path folder) throws IOException {
    waitFor(
        "the refused file's note in " + folder,
        Duration.ofSeconds(30),
        () -> noteIn(folder) != null);
    return Files.readString(noteIn(folder));
  }

  private static Path noteIn(Path folder) {
    if (!Files.isDirectory(folder.resolve(".error"))) {
      return null;
    }
    try (var notes = Files.list(folder.resolve(".error"))) {
      return notes.filter(file -> file.toString().endsWith(".error.txt")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static Path answersIn(Path outbox) {
    if (!Files.isDirectory(outbox)) {
      return null;
    }
    try (var files = Files.list(outbox)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("-campaign.answers.csv"))
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static Map<String, Object> record(String header, String line) throws IOException {
    CSVRecord names = CSVFormat.DEFAULT.parse(new StringReader(header)).getRecords().get(0);
    CSVRecord values = CSVFormat.DEFAULT.parse(new StringReader(line)).getRecords().get(0);
    Map<String, Object> record = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String value = values.get(i);
      try {
        record.put(names.get(i), Double.parseDouble(value));
      } catch (NumberFormatException text) {
        record.put(names.get(i), value);
      }
    }
    return record;
  }
}
