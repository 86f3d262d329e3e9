package ai.lepton.ingest;

import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The SQL pull: an engagement whose requirements name a client database ({@code sqlSource}, configured in
 * {@code lepton.sql.sources}) and a SELECT ({@code sqlQuery}) gets its rows pulled once it waits for data. The rows
 * go through {@link DatasetIngestRoute} as CSV, like any other source. A failed pull is an incident on the
 * engagement in Cockpit (type {@code failedSqlPull}), with the reason.
 */
@Component
@EnableConfigurationProperties(ClientSqlSources.class)
public class SqlPullRoute extends RouteBuilder {

  static final String PULLED_AT = "sqlPulledAt";

  private final RuntimeService runtime;
  private final ClientSqlSources sources;
  private final ProducerTemplate producer;
  private final RequirementsRecord requirements;

  public SqlPullRoute(RuntimeService runtime, ClientSqlSources sources, ProducerTemplate producer,
      RequirementsRecord requirements) {
    this.requirements = requirements;
    this.runtime = runtime;
    this.sources = sources;
    this.producer = producer;
  }

  @Override
  public void configure() {
    from("timer:lepton-sql-pull?period={{lepton.ingest.sql-poll-interval:5000}}&delay=1000")
        .routeId("ingest-sql-pull")
        .process(exchange -> {
          for (ProcessInstance engagement : runtime.createProcessInstanceQuery()
              .processDefinitionKey(FindEngagement.PROCESS_KEY).activityIdIn("Task_AwaitDataset")
              .variableValueNotEquals("sqlSource", "").list()) {
            if (runtime.getVariable(engagement.getId(), PULLED_AT) == null) {
              pull(engagement);
            }
          }
        });
  }

  private void pull(ProcessInstance engagement) {
    runtime.setVariable(engagement.getId(), PULLED_AT, Instant.now().toString()); // once, even if it fails
    // the database and query as recorded with the requirements, never from a variable
    Requirements recorded = requirements.latest(engagement.getBusinessKey()).orElse(null);
    if (recorded == null || !recorded.hasSqlPull()) {
      return;
    }
    String source = recorded.sqlSource();
    String query = recorded.sqlQuery();
    try {
      byte[] csv = rowsAsCsv(source, query);
      producer.requestBodyAndHeaders(DatasetIngestRoute.URI, csv, java.util.Map.of(
          IngestHeaders.ENGAGEMENT, engagement.getBusinessKey(),
          IngestHeaders.SOURCE, "sql",
          IngestHeaders.DATASET_NAME, "sql-" + source + ".csv",
          IngestHeaders.FORMAT, "csv"));
    } catch (Exception e) {
      Throwable cause = e.getCause() != null && e instanceof org.apache.camel.CamelExecutionException
          ? e.getCause() : e;
      String reason = "SQL pull from '" + source + "' failed: " + cause.getMessage();
      log.warn("Engagement {}: {}", engagement.getBusinessKey(), reason);
      String waiting = runtime.createExecutionQuery().processInstanceId(engagement.getId())
          .activityId("Task_AwaitDataset").list().stream().findFirst().map(execution -> execution.getId()).orElse(engagement.getId());
      runtime.createIncident("failedSqlPull", waiting, source,
          reason.length() > 3900 ? reason.substring(0, 3900) : reason);
    }
  }

  private byte[] rowsAsCsv(String source, String query) throws Exception {
    if (query == null || !query.strip().toLowerCase(Locale.ROOT).startsWith("select") || query.contains(";")) {
      throw new IllegalArgumentException("sqlQuery must be a single SELECT statement");
    }
    DataSource dataSource = sources.dataSource(source).orElseThrow(() -> new IllegalArgumentException(
        "no client database named '" + source + "' in lepton.sql.sources; known: " + sources.getSources().keySet()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(query);
          CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
              CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
        ResultSetMetaData meta = rows.getMetaData();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          printer.print(meta.getColumnLabel(c));
        }
        printer.println();
        while (rows.next()) {
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            Object value = rows.getObject(c);
            printer.print(value == null ? "" : value.toString());
          }
          printer.println();
        }
      }
    }
    return out.toByteArray();
  }
}
