package ai.lepton.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.LeptonDatabase;
import ai.lepton.ml.Sha256;
import ai.lepton.ml.audit.AuditEntry;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.BadRow;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.PersonalDataSettings;
import ai.lepton.ml.dataset.Pseudonymiser;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.EngagementProcesses;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.monitoring.MonitoringDataInbox;
import ai.lepton.process.ProcessMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The ingest pipeline ({@code direct:ingest}) on a real Camel context with its real processors and
 * the core's real stores on H2 with Lepton's migrations, fed the repository's real datasets: what
 * it stores, sets aside, pseudonymises, audits and correlates, and what it refuses with nothing
 * stored. The process engine is the one stand-in: {@link OneEngagement} knows a single running
 * engagement waiting for its dataset and keeps every message correlated to it.
 */
class DatasetIngestRouteTest {

  private static final String ENGAGEMENT = "ENG-7";
  private static final String PII_KEY = "IA3IdOd3ZewM5eP6PbnpbuZXiYCldnKkG71zz/wM19o=";

  /** datasets/wa_churn.csv's SHA-256, as datasets/NOTICE records it. */
  private static final String WA_CHURN_SHA256 =
      "d4323faeaab5cd2826e22eab230ec489d9e210f56ac5505750fb4721fa230ef3";

  private final OneEngagement engine = new OneEngagement();
  private JdbcTemplate jdbc;
  private AuditTrail audit;
  private DatasetStore datasets;
  private RequirementsRecord requirements;
  private CamelContext camel;
  private ProducerTemplate producer;

  @BeforeEach
  void start() throws Exception {
    JdbcDataSource dataSource = LeptonDatabase.fresh("ingest-route");
    jdbc = new JdbcTemplate(dataSource);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    audit = new AuditTrail(jdbc, transactions);
    datasets = new DatasetStore(jdbc);
    requirements = new RequirementsRecord(jdbc, audit);
    PersonalDataSettings personalData = new PersonalDataSettings("", PII_KEY);
    // 1 MB: data/wa_churn.csv (0.98 MB) fits, data/ames.csv (1.5 MB) does not
    IngestProperties limits = new IngestProperties(DataSize.ofMegabytes(1), 0, 0, null, null, null);

    camel = new DefaultCamelContext();
    camel.addRoutes(
        new DatasetIngestRoute(
            new CheckIngestLimits(limits),
            new FindEngagement(engine),
            new ParseDataset(limits, personalData, requirements),
            new CheckAgainstRequirements(requirements),
            new PseudonymisePersonalData(personalData),
            new StoreDataset(datasets, new TransactionTemplate(transactions), audit, requirements),
            new CorrelateEngagement(engine, new MonitoringDataInbox(jdbc)),
            new RecordRefusal(audit)));
    camel.start();
    producer = camel.createProducerTemplate();
  }

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void anAcceptedCsvIsStoredIntactCorrelatedOnceAndAudited() {
    requirementsFor("churn", "");
    byte[] sent = data("wa_churn.csv");

    Exchange exchange = send(ENGAGEMENT, sent, "wa_churn.csv");

    IngestResult result = accepted(exchange);
    StoredDataset dataset = result.dataset();
    assertThat(result.duplicate()).isFalse();
    assertThat(result.correlated()).isTrue();
    assertThat(result.quarantinedRows()).isZero();
    assertThat(exchange.getMessage().getHeader(IngestHeaders.SHA256)).isEqualTo(WA_CHURN_SHA256);
    assertThat(dataset.sha256()).isEqualTo(WA_CHURN_SHA256).isEqualTo(dataset.sourceSha256());
    assertThat(dataset.format()).isEqualTo(DatasetFormat.CSV);
    assertThat(dataset.rows()).isEqualTo(7043);
    assertThat(dataset.attributes()).isEqualTo(20);
    assertThat(dataset.sizeBytes()).isEqualTo(sent.length);
    assertThat(dataset.createdBy()).isEqualTo("ds");
    assertThat(dataset.pseudonymisedColumns()).isEmpty();
    // kept in the store: the very bytes sent, readable, profiled, and nothing set aside
    assertThat(datasets.findByEngagement(ENGAGEMENT))
        .extracting(StoredDataset::id)
        .containsExactly(dataset.id());
    assertThat(datasets.content(dataset.id())).isEqualTo(sent);
    Instances stored = datasets.load(dataset.id());
    assertThat(stored.numInstances()).isEqualTo(7043);
    assertThat(stored.attributeStats(stored.attribute("total_charges").index()).missingCount)
        .isEqualTo(11);
    assertThat(datasets.latestProfile(dataset.id())).isPresent();
    assertThat(datasets.quarantine(dataset.id())).isEmpty();
    assertThat(engine.correlations)
        .containsExactly(
            new Correlation(
                ProcessMessage.DATASET_RECEIVED.messageName(),
                Map.of("datasetId", dataset.id(), "datasetSha256", WA_CHURN_SHA256)));
    assertThat(audit.entriesAbout("dataset", dataset.id()))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.type()).isEqualTo("DATASET_ACCEPTED");
              assertThat(entry.actor()).isEqualTo("ds");
              assertThat(entry.payload())
                  .containsEntry("engagement", ENGAGEMENT)
                  .containsEntry("source", "http")
                  .containsEntry("sha256", WA_CHURN_SHA256)
                  .containsEntry("rows", 7043)
                  .containsEntry("quarantinedRows", 0);
            });
    assertThat(audit.verify().valid()).isTrue();
  }

  @Test
  void bytesRefusedWhileTheEngagementWasNotWaitingFeedItWhenSentAgainOnceItWaits() {
    requirementsFor("churn", "");
    byte[] sent = data("wa_churn.csv");
    engine.waiting = false;

    Exchange early = send(ENGAGEMENT, sent, "june.csv");
    assertThat(early.getException())
        .isInstanceOf(EngagementNotWaitingException.class)
        .hasMessageContaining("is not waiting for data");
    engine.waiting = true;
    IngestResult again = accepted(send(ENGAGEMENT, sent, "june.csv"));

    assertThat(again.duplicate()).isTrue();
    assertThat(again.correlated()).isTrue();
    assertThat(datasets.findByEngagement(ENGAGEMENT)).hasSize(1);
    assertThat(engine.correlations)
        .singleElement()
        .satisfies(c -> assertThat(c.variables()).containsEntry("datasetId", again.dataset().id()));
  }

  @Test
  void theSameBytesSentAgainAreStoredOnceAndCorrelateNothingTheSecondTime() {
    requirementsFor("churn", "");
    byte[] sent = data("wa_churn.csv");

    IngestResult first = accepted(send(ENGAGEMENT, sent, "june.csv"));
    IngestResult again = accepted(send(ENGAGEMENT, sent, "june-again.csv"));

    assertThat(first.duplicate()).isFalse();
    assertThat(first.correlated()).isTrue();
    assertThat(again.duplicate()).isTrue();
    assertThat(again.correlated()).isFalse();
    assertThat(again.dataset().id()).isEqualTo(first.dataset().id());
    assertThat(again.dataset().name()).isEqualTo("june.csv");
    assertThat(datasets.findByEngagement(ENGAGEMENT)).hasSize(1);
    // the engagement still waits, so a second correlation would have been taken: none was tried
    assertThat(engine.correlations).hasSize(1);
    assertThat(audit.entriesMentioning(ENGAGEMENT))
        .extracting(AuditEntry::type)
        .containsExactly("REQUIREMENTS_SET", "DATASET_ACCEPTED");
  }

  @Test
  void malformedRowsAreSetAsideWithTheirLinesAndReasonsAndTheGoodRowsStored() {
    requirementsFor("churn", "");
    List<String> lines =
        new ArrayList<>(new String(data("wa_churn.csv"), StandardCharsets.UTF_8).lines().toList());
    // line 101 loses its last field; line 5001 has words where tenure's months belong
    lines.set(100, lines.get(100).substring(0, lines.get(100).lastIndexOf(',')));
    String[] fields = lines.get(5000).split(",", -1);
    fields[5] = "two years";
    lines.set(5000, String.join(",", fields));
    byte[] sent = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

    IngestResult result = accepted(send(ENGAGEMENT, sent, "wa_churn-damaged.csv"));

    assertThat(result.quarantinedRows()).isEqualTo(2);
    assertThat(result.correlated()).isTrue();
    assertThat(result.dataset().rows()).isEqualTo(7041);
    assertThat(result.dataset().sha256()).isEqualTo(Sha256.hex(sent));
    assertThat(datasets.content(result.dataset().id())).isEqualTo(sent);
    List<BadRow> setAside = datasets.quarantine(result.dataset().id());
    assertThat(setAside).extracting(BadRow::line).containsExactly(101L, 5001L);
    assertThat(setAside)
        .extracting(BadRow::reason)
        .containsExactly(
            "has 19 fields but the header has 20", "'two years' in numeric column 'tenure'");
    assertThat(setAside.get(0).fields())
        .hasSize(19)
        .startsWith("Yes", "1", "1", "1", "0", "25")
        .endsWith("Electronic check", "98.5");
    assertThat(setAside.get(1).fields())
        .hasSize(20)
        .startsWith("No", "1", "0", "1", "1", "two years")
        .endsWith("Mailed check", "19.7", "301.55");
    // nothing lost: every row of the file is either stored or set aside
    assertThat(datasets.load(result.dataset().id()).numInstances() + setAside.size())
        .isEqualTo(lines.size() - 1);
  }

  @Test
  void aFileThatIsNoDatasetIsRefusedAsUnreadableAndOnlyTheRefusalIsRecorded() {
    requirementsFor("churn", "");
    // a letter, not a table: its first line reads as a header with an empty column
    byte[] notice =
        ("Dear team,, please find the figures attached\nKind regards\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    IngestRefusedException refusal = refused(send(ENGAGEMENT, notice, "NOTICE"));

    assertThat(refusal.kind()).isEqualTo(IngestRefusedException.Kind.UNREADABLE);
    assertThat(refusal).hasMessage("Line 1: column 2 of the header has no name");
    assertThat(datasets.findByEngagement(ENGAGEMENT)).isEmpty();
    assertThat(count("lepton_dataset_content")).isZero();
    assertThat(engine.correlations).isEmpty();
    AuditEntry refused = onlyRefusal(ENGAGEMENT);
    assertThat(refused.actor()).isEqualTo("ds");
    assertThat(refused.payload())
        .containsEntry("source", "http")
        .containsEntry("name", "NOTICE")
        .containsEntry("sha256", Sha256.hex(notice))
        .containsEntry("reason", refusal.getMessage());
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedBeforeAnythingReadsIt() {
    requirementsFor("churn", "");
    byte[] ames = data("ames.csv");

    IngestRefusedException refusal = refused(send(ENGAGEMENT, ames, "ames.csv"));

    // ames has no churn column: read, it would have been refused for that instead
    assertThat(refusal.kind()).isEqualTo(IngestRefusedException.Kind.TOO_LARGE);
    assertThat(refusal)
        .hasMessage(
            "The dataset is 1.4 MB (1,503,718 bytes), over the 1 MB limit"
                + " (lepton.ingest.max-size)");
    assertThat(engine.lookedUp).as("engagement never looked up").isEmpty();
    assertThat(datasets.findByEngagement(ENGAGEMENT)).isEmpty();
    assertThat(onlyRefusal(ENGAGEMENT).payload())
        .containsEntry("reason", refusal.getMessage())
        .containsEntry("sha256", ai.lepton.ml.Sha256.hex(ames));
  }

  @Test
  void dataForAnEngagementNoOneOpenedIsRefused() {
    requirementsFor("churn", "");

    IngestRefusedException refusal = refused(send("ENG-NOBODY", data("wa_churn.csv"), "x.csv"));

    assertThat(refusal.kind()).isEqualTo(IngestRefusedException.Kind.UNKNOWN_ENGAGEMENT);
    assertThat(refusal).hasMessageContaining("No engagement has the id 'ENG-NOBODY'");
    assertThat(engine.lookedUp).containsExactly("ENG-NOBODY");
    assertThat(count("lepton_dataset")).isZero();
    assertThat(engine.correlations).isEmpty();
    assertThat(onlyRefusal("ENG-NOBODY").payload()).containsEntry("sha256", WA_CHURN_SHA256);
  }

  @Test
  void aDatasetWithoutTheTargetColumnIsRefusedNamingIt() {
    requirementsFor("churn", "");

    IngestRefusedException refusal = refused(send(ENGAGEMENT, data("credit-g.csv"), "g.csv"));

    assertThat(refusal.kind()).isEqualTo(IngestRefusedException.Kind.TARGET_MISSING);
    assertThat(refusal)
        .hasMessageStartingWith(
            "The dataset has no column 'churn', the target this engagement predicts;")
        .hasMessageContaining("checking_status, duration, credit_history");
    assertThat(datasets.findByEngagement(ENGAGEMENT)).isEmpty();
    assertThat(engine.correlations).isEmpty();
    assertThat(onlyRefusal(ENGAGEMENT).payload()).containsEntry("reason", refusal.getMessage());
  }

  @Test
  void personalDataColumnsOfTheRequirementsArePseudonymisedBeforeAnythingIsStored() {
    requirementsFor("class", "personal_status, age");
    byte[] sent = data("credit-g.csv");

    IngestResult result = accepted(send(ENGAGEMENT, sent, "credit-g.csv"));

    StoredDataset dataset = result.dataset();
    String stored = new String(datasets.content(dataset.id()), StandardCharsets.UTF_8);
    assertThat(stored)
        .doesNotContain("male single", "female div/dep/mar", "male mar/wid")
        .contains("@attribute personal_status {p_", "real estate");
    assertThat(dataset.format()).isEqualTo(DatasetFormat.ARFF);
    assertThat(dataset.pseudonymisedColumns()).containsExactly("personal_status", "age");
    assertThat(dataset.sourceSha256()).isEqualTo(Sha256.hex(sent));
    assertThat(dataset.sha256()).isEqualTo(Sha256.hex(stored.getBytes(StandardCharsets.UTF_8)));
    assertThat(dataset.rows()).isEqualTo(1000);
    Instances data = datasets.load(dataset.id());
    Attribute personalStatus = data.attribute("personal_status");
    assertThat(personalStatus.numValues()).isEqualTo(4);
    Pseudonymiser pseudonyms = new Pseudonymiser(PII_KEY);
    assertThat(data.instance(0).stringValue(personalStatus))
        .isEqualTo(pseudonyms.token("'male single'"));
    assertThat(data.instance(0).stringValue(data.attribute("age")))
        .isEqualTo(pseudonyms.token("67"));
    assertThat(data.instance(0).value(data.attribute("credit_amount"))).isEqualTo(1169);
    assertThat(engine.correlations).hasSize(1);
    // the same raw bytes again are known by what was sent, not by what was stored
    assertThat(accepted(send(ENGAGEMENT, sent, "again.csv")).duplicate()).isTrue();
  }

  // --- helpers ---

  private void requirementsFor(String target, String piiColumns) {
    requirements.record(
        new Requirements(
            ENGAGEMENT,
            0,
            OneEngagement.INSTANCE,
            target,
            "classification",
            "churn-risk",
            "pctCorrect",
            70,
            "weka.classifiers.bayes.NaiveBayes",
            10,
            1,
            piiColumns,
            null,
            null,
            null,
            "ds",
            "task-1",
            Instant.now(),
            null,
            null,
            null,
            null));
  }

  private Exchange send(String engagement, byte[] body, String name) {
    return producer.request(
        DatasetIngestRoute.URI,
        exchange -> {
          exchange.getMessage().setBody(body);
          exchange.getMessage().setHeader(IngestHeaders.ENGAGEMENT, engagement);
          exchange.getMessage().setHeader(IngestHeaders.SOURCE, "http");
          exchange.getMessage().setHeader(IngestHeaders.DATASET_NAME, name);
          exchange.getMessage().setHeader(IngestHeaders.USER, "ds");
        });
  }

  private static IngestResult accepted(Exchange exchange) {
    assertThat(exchange.getException()).as("refusal").isNull();
    return exchange.getMessage().getBody(IngestResult.class);
  }

  private static IngestRefusedException refused(Exchange exchange) {
    assertThat(exchange.getException()).isInstanceOf(IngestRefusedException.class);
    return (IngestRefusedException) exchange.getException();
  }

  private AuditEntry onlyRefusal(String engagement) {
    List<AuditEntry> refusals =
        audit.entriesAbout("engagement", engagement).stream()
            .filter(entry -> entry.type().equals("DATASET_REFUSED"))
            .toList();
    assertThat(refusals).hasSize(1);
    assertThat(audit.entriesMentioning(engagement))
        .extracting(AuditEntry::type)
        .doesNotContain("DATASET_ACCEPTED");
    return refusals.get(0);
  }

  private int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  /**
   * A file of the repository's datasets/, on the class path as data/<file> through the core's
   * test-jar.
   */
  private static byte[] data(String file) {
    try (InputStream in =
        DatasetIngestRouteTest.class.getClassLoader().getResourceAsStream("data/" + file)) {
      assertThat(in).as("data/" + file + " on the test class path").isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A message correlated to the engagement. */
  record Correlation(String message, Map<String, Object> variables) {}

  /**
   * The engine's part: one running engagement ({@value #KEY}) waiting at its data step for {@code
   * DatasetReceived}, and still waiting after a correlation, so that a second one would be taken
   * and seen. Every engagement looked up and every correlation is kept.
   */
  static final class OneEngagement implements EngagementProcesses {

    static final String KEY = ENGAGEMENT;
    static final String INSTANCE = "pi-eng-7";

    final List<String> lookedUp = new ArrayList<>();
    final List<Correlation> correlations = new ArrayList<>();
    final Map<String, Object> variables = new java.util.HashMap<>();
    boolean waiting = true;

    @Override
    public Optional<Running> running(String engagementKey) {
      lookedUp.add(engagementKey);
      return KEY.equals(engagementKey) ? Optional.of(new Running(INSTANCE, KEY)) : Optional.empty();
    }

    @Override
    public boolean everOpened(String engagementKey) {
      return KEY.equals(engagementKey);
    }

    @Override
    public List<Running> at(String activityId, String nonEmptyVariable) {
      return List.of();
    }

    @Override
    public boolean waitsFor(String processInstanceId, String messageName) {
      return waiting
          && INSTANCE.equals(processInstanceId)
          && ProcessMessage.DATASET_RECEIVED.messageName().equals(messageName);
    }

    @Override
    public boolean correlateAsLepton(
        String processInstanceId, String messageName, Map<String, Object> variables) {
      correlations.add(new Correlation(messageName, Map.copyOf(variables)));
      if (!waitsFor(processInstanceId, messageName)) {
        return false;
      }
      this.variables.putAll(variables);
      return true;
    }

    @Override
    public boolean isIn(String processInstanceId, String activityId) {
      return false;
    }

    @Override
    public List<String> activeSteps(String processInstanceId) {
      return List.of("Task_AwaitDataset");
    }

    @Override
    public Object variable(String processInstanceId, String name) {
      return INSTANCE.equals(processInstanceId) ? variables.get(name) : null;
    }

    @Override
    public void setVariable(String processInstanceId, String name, Object value) {
      throw new UnsupportedOperationException("the pipeline sets no variable");
    }

    @Override
    public void raiseIncident(
        String processInstanceId,
        String activityId,
        String incidentType,
        String configuration,
        String message) {
      throw new UnsupportedOperationException("the pipeline raises no incident");
    }

    @Override
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
      throw new UnsupportedOperationException("the pipeline starts no process");
    }
  }
}
