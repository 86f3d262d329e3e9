package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.lepton.ingest.DatasetIngestRoute;
import ai.lepton.ingest.EngagementNotWaitingException;
import ai.lepton.ingest.IngestHeaders;
import ai.lepton.ingest.IngestProperties;
import ai.lepton.ingest.IngestRefusedException;
import ai.lepton.ingest.IngestResult;
import ai.lepton.ml.dataset.BadRow;
import ai.lepton.ml.dataset.DatasetStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Every source's data through the one Camel pipeline: real routes, real engine, real files. */
@CamelSpringBootTest
@SpringBootTest(
    properties = {
      "camunda.bpm.process-engine-name=ingestTest",
      "spring.datasource.url=jdbc:h2:mem:ingest-test;DB_CLOSE_DELAY=-1",
      "lepton.data-dir=target/ingest-test-data",
      "lepton.demo.enabled=false",
      "lepton.admin.password=test-administrator-password",
      "camunda.bpm.job-execution.enabled=false",
      "lepton.ingest.max-size=2MB",
      "lepton.ingest.file-stable-for=200ms",
      "lepton.pii.key=IA3IdOd3ZewM5eP6PbnpbuZXiYCldnKkG71zz/wM19o=",
      "lepton.ingest.sql-poll-interval=300",
      "lepton.sql.sources.crm.url=jdbc:h2:mem:client-crm",
      "lepton.sql.sources.crm.username=reader",
      "lepton.sql.sources.crm.password=reader-secret",
      "lepton.sql.sources.crm.clients[0]=Telco",
      "lepton.sql.sources.crm.tables[0]=customers",
      "lepton.sql.sources.crm.tables[1]=subscribers",
      "lepton.sql.sources.crm-as-admin.url=jdbc:h2:mem:client-crm;DB_CLOSE_DELAY=-1",
      "lepton.sql.sources.crm-as-admin.username=sa",
      "lepton.sql.sources.crm-as-admin.password=",
      "lepton.sql.sources.crm-as-admin.clients[0]=Telco",
      "lepton.sql.sources.crm-as-admin.tables[0]=customers",
      "lepton.sql.sources.other-bank.url=jdbc:h2:mem:client-crm",
      "lepton.sql.sources.other-bank.username=reader",
      "lepton.sql.sources.other-bank.password=reader-secret",
      "lepton.sql.sources.other-bank.clients[0]=Other Bank",
      "lepton.sql.sources.other-bank.tables[0]=customers"
    })
class IngestPipelineTest {

  private static final AtomicInteger ENGAGEMENTS = new AtomicInteger();

  static {
    // The database is in memory, so engagement ids repeat from run to run: start each run with an
    // empty inbox.
    org.springframework.util.FileSystemUtils.deleteRecursively(
        new java.io.File("target/ingest-test-data"));
    // A client's system, separate from Lepton's database: mlc_churn as a table.
    try (java.sql.Connection crm =
        java.sql.DriverManager.getConnection(
            "jdbc:h2:mem:client-crm;DB_CLOSE_DELAY=-1", "sa", "")) {
      crm.createStatement()
          .execute(
              "CREATE TABLE IF NOT EXISTS customers AS"
                  + " SELECT * FROM CSVREAD('classpath:/data/mlc_churn.csv', NULL, 'caseSensitiveColumnNames=true')");
      crm.createStatement()
          .execute(
              "CREATE TABLE IF NOT EXISTS subscribers AS"
                  + " SELECT * FROM CSVREAD('classpath:/data/wa_churn.csv', NULL, 'caseSensitiveColumnNames=true')");
      crm.createStatement()
          .execute("CREATE TABLE IF NOT EXISTS payroll (name VARCHAR(50), salary INT)");
      // The account Lepton pulls with reads these two tables and nothing else
      crm.createStatement().execute("CREATE USER IF NOT EXISTS reader PASSWORD 'reader-secret'");
      crm.createStatement().execute("GRANT SELECT ON customers, subscribers TO reader");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired CamelContext camel;
  @Autowired ProducerTemplate producer;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired DatasetStore datasets;
  @Autowired IngestProperties properties;
  @Autowired ai.lepton.ml.audit.AuditTrail audit;

  private EngagementDriver engagements;

  @org.junit.jupiter.api.BeforeEach
  void driver() {
    engagements = new EngagementDriver(runtime, tasks, identity);
  }

  // --- the file drop ---

  @ParameterizedTest(name = "{0}")
  @CsvSource({"data/wa_churn.csv, Yes", "data/mlc_churn.csv, yes"})
  void aFileDroppedInTheInboxFeedsTheWaitingEngagement(String resource, String positiveClass)
      throws Exception {
    String key = engagementWaitingForData("drop");
    Path folder = inbox(key);

    drop(folder, Path.of(resource).getFileName().toString(), bytes(resource));

    assertThat(runtime.getActiveActivityIds(instanceId(key)))
        .containsExactly("Task_ProfileDataset");
    assertThat(Files.list(folder.resolve(".done")).toList())
        .singleElement()
        .satisfies(
            file -> assertThat(file.getFileName().toString()).endsWith(resource.substring(5)));
    String datasetId = (String) runtime.getVariable(instanceId(key), "datasetId");
    assertThat(datasets.get(datasetId).createdBy()).isEqualTo("file");
    assertThat(datasets.latestProfile(datasetId).orElseThrow().get("classBalance").toString())
        .contains(positiveClass + "=");
  }

  @Test
  void aRefusedFileMovesToErrorWithItsReasonAndNothingIsStored() throws Exception {
    String key = engagementWaitingForData("drop-bad");
    Path folder = inbox(key);

    drop(folder, "ragged.csv", bytes("ingest/ragged-above-share.csv"));

    assertThat(errorNote(folder))
        .startsWith("Refused, nothing stored: 10 of 200 rows are malformed");
    assertThat(datasets.findByEngagement(key)).isEmpty();
    assertThat(runtime.getActiveActivityIds(instanceId(key))).containsExactly("Task_AwaitDataset");
  }

  @Test
  void aFileForAnEngagementNotWaitingIsStoredAndTheNoteSaysWhere() throws Exception {
    String key = openEngagement("drop-early");
    Path folder = inbox(key);

    drop(folder, "early.csv", bytes("ingest/semicolon.csv"));

    String note = errorNote(folder);
    assertThat(note)
        .startsWith("Stored as ds-")
        .contains("no engagement waited")
        .contains("Task_AnalyseRequirements");
    assertThat(datasets.findByEngagement(key))
        .singleElement()
        .satisfies(d -> assertThat(note).contains(d.id()));
  }

  @Test
  void productionDataDroppedInTheMonitoringFolderIsMonitoringDataAndNeedsALiveModel()
      throws Exception {
    String key = engagementWaitingForData("drop-monitoring");
    Path folder = Files.createDirectories(inbox(key).resolve("monitoring"));

    drop(folder, "june.csv", bytes("ingest/semicolon.csv"));

    // read as MonitoringDataReceived: stored, but the engagement has no live model yet (it waits
    // for its data)
    String note = errorNote(folder);
    assertThat(note).startsWith("Stored as ds-").contains("has no live model to monitor yet");
    assertThat(runtime.getActiveActivityIds(instanceId(key))).containsExactly("Task_AwaitDataset");
  }

  @Test
  void aFileInAnUnknownSubFolderIsRefusedWithWhereItBelongs() throws Exception {
    String key = engagementWaitingForData("drop-stray");
    Path folder = Files.createDirectories(inbox(key).resolve("july"));

    drop(folder, "stray.csv", bytes("ingest/semicolon.csv"));

    assertThat(errorNote(folder)).contains("<inbox>/<engagement id>/monitoring/");
    assertThat(datasets.findByEngagement(key)).isEmpty();
  }

  @Test
  void aFileForAnUnknownEngagementIsRefused() throws Exception {
    Path folder = inbox("ENG-NOBODY");

    drop(folder, "lost.csv", bytes("ingest/semicolon.csv"));

    assertThat(errorNote(folder)).contains("No engagement has the id 'ENG-NOBODY'");
  }

  // --- the pipeline, whatever the source ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty.csv                 | UNREADABLE     | The dataset is empty",
        "header-only.csv           | UNREADABLE     | a header but no data rows",
        "binary-garbage.csv        | UNREADABLE     | not text",
        "latin1.csv                | UNREADABLE     | not UTF-8",
        "ragged-above-share.csv    | UNREADABLE     | 10 of 200 rows are malformed, more than the 1.0%",
        "missing-target.csv        | TARGET_MISSING | no column 'churn'",
        "type-changes-half-way.csv | UNREADABLE     | in numeric column 'tenure'"
      })
  void badInputIsRefusedAndNothingIsStored(
      String file, IngestRefusedException.Kind kind, String reason) {
    String key = engagementWaitingForData("bad");

    Throwable failure = catchThrowable(() -> send(key, bytes("ingest/" + file), file));

    assertThat(failure).isInstanceOf(CamelExecutionException.class);
    assertThat(failure.getCause())
        .isInstanceOf(IngestRefusedException.class)
        .hasMessageContaining(reason);
    assertThat(((IngestRefusedException) failure.getCause()).kind()).isEqualTo(kind);
    assertThat(datasets.findByEngagement(key)).isEmpty();
    assertThat(runtime.getActiveActivityIds(instanceId(key))).containsExactly("Task_AwaitDataset");
  }

  @Test
  void aFewRaggedRowsAreQuarantinedAndTheRestAccepted() {
    String key = engagementWaitingForData("ragged");

    IngestResult result = send(key, bytes("ingest/ragged-below-share.csv"), "ragged.csv");

    assertThat(result.correlated()).isTrue();
    assertThat(result.quarantinedRows()).isEqualTo(4);
    assertThat(result.dataset().rows()).isEqualTo(996);
    List<BadRow> quarantine = datasets.quarantine(result.dataset().id());
    assertThat(quarantine).extracting(BadRow::line).containsExactly(251L, 501L, 751L, 1001L);
    assertThat(quarantine)
        .allSatisfy(row -> assertThat(row.reason()).isEqualTo("has 2 fields but the header has 4"));
    assertThat(datasets.load(result.dataset().id()).numInstances()).isEqualTo(996);
  }

  @Test
  void semicolonSeparatedFilesAndQuotedNewlinesAreRead() {
    IngestResult semicolons =
        send(engagementWaitingForData("semicolon"), bytes("ingest/semicolon.csv"), "s.csv");
    assertThat(semicolons.dataset().attributes()).isEqualTo(4);
    assertThat(semicolons.dataset().rows()).isEqualTo(50);

    IngestResult quoted =
        send(engagementWaitingForData("quoted"), bytes("ingest/quoted-newlines.csv"), "q.csv");
    assertThat(quoted.dataset().rows()).isEqualTo(3);
    assertThat(datasets.load(quoted.dataset().id()).instance(0).stringValue(3))
        .isEqualTo("first line\nsecond line, with a comma");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeAnythingIsRead() {
    String key = engagementWaitingForData("big");
    byte[] big = new byte[(int) properties.maxSize().toBytes() + 1];
    java.util.Arrays.fill(big, (byte) 'x');

    Throwable failure = catchThrowable(() -> send(key, big, "big.csv"));

    assertThat(failure.getCause())
        .isInstanceOf(IngestRefusedException.class)
        .hasMessageContaining("over the 2 MB limit");
    assertThat(datasets.findByEngagement(key)).isEmpty();
  }

  @Test
  void theSameBytesTwiceGiveTheSameDatasetAndCorrelateOnce() {
    String key = engagementWaitingForData("twice");
    byte[] data = bytes("ingest/semicolon.csv");

    IngestResult first = send(key, data, "a.csv");
    IngestResult second = send(key, data, "b.csv");

    assertThat(first.correlated()).isTrue();
    assertThat(second.duplicate()).isTrue();
    assertThat(second.correlated()).isFalse();
    assertThat(second.dataset().id()).isEqualTo(first.dataset().id());
    assertThat(datasets.findByEngagement(key)).hasSize(1);
  }

  @Test
  void dataForAnUnknownEngagementOrOneNotWaitingIsAnsweredClearly() {
    Throwable unknown =
        catchThrowable(() -> send("ENG-NOPE", bytes("ingest/semicolon.csv"), "s.csv"));
    assertThat(((IngestRefusedException) unknown.getCause()).kind())
        .isEqualTo(IngestRefusedException.Kind.UNKNOWN_ENGAGEMENT);

    String key = openEngagement("early");
    Throwable early = catchThrowable(() -> send(key, bytes("ingest/semicolon.csv"), "s.csv"));
    assertThat(early.getCause())
        .isInstanceOf(EngagementNotWaitingException.class)
        .hasMessageContaining("is not waiting for data");
    assertThat(datasets.findByEngagement(key)).hasSize(1);
  }

  @Test
  void personalDataIsPseudonymisedBeforeAnythingIsStored() {
    // Given an engagement whose requirements name two personal-data columns
    String key = openEngagement("pii");
    completeRequirements(key, Map.of("piiColumns", "customer_id, email"));
    StringBuilder csv = new StringBuilder("customer_id,email,tenure,churn\n");
    for (int i = 0; i < 150; i++) {
      csv.append("C-")
          .append(1000 + i)
          .append(",user")
          .append(i)
          .append("@example.com,")
          .append(i % 72)
          .append(',')
          .append(i % 4 == 0 ? "Yes" : "No")
          .append('\n');
    }
    csv.append("C-9999,secret@example.com,12\n"); // a ragged row, set aside
    byte[] raw = csv.toString().getBytes(StandardCharsets.UTF_8);

    // When the data arrives
    IngestResult result = send(key, raw, "customers.csv");

    // Then no raw value is stored, in the dataset or among the rows set aside
    String stored = new String(datasets.content(result.dataset().id()), StandardCharsets.UTF_8);
    assertThat(stored).doesNotContain("C-1000", "user0@example.com").contains("p_");
    assertThat(datasets.quarantine(result.dataset().id()))
        .singleElement()
        .satisfies(
            row ->
                assertThat(String.join(",", row.fields()))
                    .doesNotContain("C-9999", "secret@example.com"));
    assertThat(result.dataset().pseudonymisedColumns()).containsExactly("customer_id", "email");
    assertThat(result.dataset().sourceSha256())
        .isEqualTo(ai.lepton.ml.Sha256.hex(raw))
        .isNotEqualTo(result.dataset().sha256());
    assertThat(datasets.load(result.dataset().id()).attribute("tenure").isNumeric()).isTrue();
    // And the same raw bytes again are recognised
    assertThat(send(key, raw, "again.csv").duplicate()).isTrue();
  }

  @Test
  void anEngagementNamingAClientDatabaseGetsItsRowsPulled() {
    String key = openEngagement("sql");
    NotifyBuilder ingested =
        new NotifyBuilder(camel).fromRoute("ingest-dataset").whenDone(1).create();

    completeRequirements(
        key,
        Map.of("sqlSource", "crm", "sqlQuery", "SELECT * FROM customers WHERE \"state\" <> 'KS'"));

    assertThat(ingested.matches(30, TimeUnit.SECONDS)).isTrue();
    String datasetId = (String) runtime.getVariable(instanceId(key), "datasetId");
    assertThat(datasetId).isNotNull();
    assertThat(datasets.get(datasetId).createdBy()).isEqualTo("sql");
    assertThat(datasets.get(datasetId).rows())
        .isEqualTo(5000 - 99); // mlc_churn has 99 rows from KS
    assertThat(datasets.load(datasetId).attribute("total_day_minutes").isNumeric()).isTrue();
    assertThat(runtime.getActiveActivityIds(instanceId(key)))
        .containsExactly("Task_ProfileDataset");
  }

  @Test
  void waChurnPulledFromTheClientDatabaseKeepsItsMissingValues() {
    String key = openEngagement("sql-wa");
    NotifyBuilder ingested =
        new NotifyBuilder(camel).fromRoute("ingest-dataset").whenDone(1).create();

    completeRequirements(key, Map.of("sqlSource", "crm", "sqlQuery", "SELECT * FROM subscribers"));

    assertThat(ingested.matches(30, TimeUnit.SECONDS)).isTrue();
    String datasetId = (String) runtime.getVariable(instanceId(key), "datasetId");
    weka.core.Instances data = datasets.load(datasetId);
    assertThat(data.numInstances()).isEqualTo(7043);
    assertThat(data.attribute("total_charges").isNumeric()).isTrue();
    assertThat(data.attributeStats(data.attribute("total_charges").index()).missingCount)
        .isEqualTo(11);
  }

  @Test
  void aPullOverAnAdministratorAccountIsRefusedAsAnIncidentOnTheEngagement() {
    String key = openEngagement("sql-bad");
    NotifyBuilder polled =
        new NotifyBuilder(camel).fromRoute("ingest-sql-pull").whenDone(2).create();

    completeRequirements(
        key, Map.of("sqlSource", "crm-as-admin", "sqlQuery", "SELECT * FROM customers"));

    assertThat(polled.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(runtime.createIncidentQuery().processInstanceId(instanceId(key)).singleResult())
        .satisfies(
            incident -> {
              assertThat(incident.getIncidentType()).isEqualTo("failedSqlPull");
              assertThat(incident.getIncidentMessage()).contains("is an H2 administrator");
            });
    assertThat(runtime.getActiveActivityIds(instanceId(key))).containsExactly("Task_AwaitDataset");
    assertThat(audit.entriesAbout("engagement", key))
        .extracting(e -> e.type())
        .contains("SQL_PULL_REFUSED");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      crm | SELECT CAST(FILE_READ('/etc/passwd',NULL) AS VARCHAR) AS "f",'a' AS "class" FROM SYSTEM_RANGE(1,1) | table function SYSTEM_RANGE
      crm | SELECT FILE_WRITE(X'41','/tmp/lepton-sql-pull') AS "f", "churn" FROM customers | function FILE_WRITE
      crm | SELECT * FROM LINK_SCHEMA('L','','jdbc:h2:mem:ingest-test','sa','','PUBLIC') | table function LINK_SCHEMA
      crm | SELECT ID_, PWD_, SALT_ FROM L.ACT_ID_USER | L.ACT_ID_USER
      crm | SELECT * FROM CSVREAD('/etc/passwd') | table function CSVREAD
      crm | RUNSCRIPT FROM '/tmp/evil.sql' | not a SELECT
      crm | CALL FILE_READ('/etc/passwd') | must be a SELECT
      crm | SELECT * FROM customers; DROP TABLE customers | exactly one statement
      crm | SELECT * FROM customers /* x */; /* y */ DELETE FROM customers | exactly one statement
      crm | SELECT * FROM payroll | table payroll which this source does not allow
      other-bank | SELECT * FROM customers | does not serve engagement
      erp | SELECT * FROM orders | no client database named 'erp'
      """)
  void aPullOutsideWhatTheSourceAllowsIsRefusedOnTheFormAndAudited(
      String source, String sql, String named) {
    String key = openEngagement("sql-attack");

    assertThatThrownBy(
            () -> completeRequirements(key, Map.of("sqlSource", source, "sqlQuery", sql)))
        .hasMessageContaining(named);

    assertThat(runtime.getActiveActivityIds(instanceId(key)))
        .containsExactly("Task_AnalyseRequirements");
    assertThat(audit.entriesAbout("engagement", key))
        .extracting(e -> e.type())
        .contains("SQL_PULL_REFUSED");
    assertThat(new java.io.File("/tmp/lepton-sql-pull")).doesNotExist();
  }

  @Test
  void dataThatDoesNotMatchTheExpectedSchemaIsRefused() {
    String key = openEngagement("schema");
    completeRequirements(
        key, Map.of("expectedSchema", "tenure:numeric, contract:numeric, region:nominal"));

    Throwable failure = catchThrowable(() -> send(key, bytes("ingest/semicolon.csv"), "s.csv"));

    assertThat(failure.getCause())
        .isInstanceOf(IngestRefusedException.class)
        .hasMessageContaining("column 'contract' should be numeric but is nominal")
        .hasMessageContaining("column 'region' is missing");
    assertThat(datasets.findByEngagement(key)).isEmpty();
    assertThatThrownBy(
            () ->
                completeRequirements(
                    openEngagement("schema-bad"), Map.of("expectedSchema", "tenure:integer")))
        .hasMessageContaining("name:numeric or name:nominal");
  }

  @Test
  void aPullMustBeOneSelect() {
    String key = openEngagement("sql-drop");
    assertThatThrownBy(
            () ->
                completeRequirements(
                    key, Map.of("sqlSource", "crm", "sqlQuery", "DELETE FROM customers")))
        .hasMessageContaining("must be a SELECT, not DELETE");
  }

  // --- helpers ---

  private IngestResult send(String key, byte[] body, String name) {
    Map<String, Object> headers = new HashMap<>();
    headers.put(IngestHeaders.ENGAGEMENT, key);
    headers.put(IngestHeaders.SOURCE, "test");
    headers.put(IngestHeaders.DATASET_NAME, name);
    return producer.requestBodyAndHeaders(
        DatasetIngestRoute.URI, body, headers, IngestResult.class);
  }

  private void drop(Path folder, String name, byte[] content) throws IOException {
    NotifyBuilder done =
        new NotifyBuilder(camel).fromRoute("ingest-file-drop").whenDone(1).create();
    Files.write(folder.resolve(name), content);
    assertThat(done.matches(30, TimeUnit.SECONDS)).as("file picked up").isTrue();
  }

  private static String errorNote(Path folder) throws IOException {
    try (Stream<Path> notes = Files.list(folder.resolve(".error"))) {
      Path note = notes.filter(p -> p.toString().endsWith(".error.txt")).findFirst().orElseThrow();
      return Files.readString(note, StandardCharsets.UTF_8);
    }
  }

  private Path inbox(String key) throws IOException {
    return Files.createDirectories(Path.of(properties.inbox()).resolve(key));
  }

  private String openEngagement(String name) {
    String key = "ENG-ING-" + name + "-" + ENGAGEMENTS.incrementAndGet();
    engagements.open(key, "Telco", name);
    return key;
  }

  private String engagementWaitingForData(String name) {
    String key = openEngagement(name);
    completeRequirements(key, Map.of());
    return key;
  }

  private void completeRequirements(String key, Map<String, Object> extra) {
    Map<String, Object> requirements =
        EngagementDriver.classification(
            "churn", "churn-ingest", "pctCorrect", 70, "weka.classifiers.bayes.NaiveBayes");
    requirements.putAll(extra);
    engagements.dataScientistCompletes(key, requirements);
  }

  private String instanceId(String key) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(key)
        .singleResult()
        .getId();
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = IngestPipelineTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
