package ai.lepton.ingest;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engagement.EngagementProcesses;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engagement.SqlPullRefusedException;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.process.TextVariables;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The SQL pull: an engagement whose requirements name a client database ({@code sqlSource},
 * configured in {@code lepton.sql.sources}) and a SELECT ({@code sqlQuery}) gets its rows pulled
 * once it waits for data. The rows go through {@link DatasetIngestRoute} as CSV, like any other
 * source. A failed pull is an incident on the engagement in Cockpit (type {@code failedSqlPull}),
 * with the reason.
 */
@Component
@EnableConfigurationProperties(ClientSqlSources.class)
public class SqlPullRoute extends RouteBuilder {

  static final String PULLED_AT = "sqlPulledAt";

  /** ai-engagement's Await client dataset, where a pull is due. */
  private static final String AWAIT_DATASET = "Task_AwaitDataset";

  private final EngagementProcesses engagements;
  private final ClientSqlSources sources;
  private final ProducerTemplate producer;
  private final RequirementsRecord requirements;
  private final ClientSqlSourceAccess access;
  private final AuditTrail audit;

  public SqlPullRoute(
      EngagementProcesses engagements,
      ClientSqlSources sources,
      ProducerTemplate producer,
      RequirementsRecord requirements,
      ClientSqlSourceAccess access,
      AuditTrail audit) {
    this.requirements = requirements;
    this.access = access;
    this.audit = audit;
    this.engagements = engagements;
    this.sources = sources;
    this.producer = producer;
  }

  @Override
  public void configure() {
    from("timer:lepton-sql-pull?period={{lepton.ingest.sql-poll-interval:5000}}&delay=1000")
        .routeId("ingest-sql-pull")
        .process(
            exchange -> {
              for (EngagementProcesses.Running engagement :
                  engagements.at(AWAIT_DATASET, "sqlSource")) {
                if (engagements.variable(engagement.processInstanceId(), PULLED_AT) == null) {
                  pull(engagement);
                }
              }
            });
  }

  private void pull(EngagementProcesses.Running engagement) {
    engagements.setVariable(
        engagement.processInstanceId(),
        PULLED_AT,
        Instant.now().toString()); // once, even if it fails
    // the database and query as recorded with the requirements, never from a variable
    Requirements recorded = requirements.latest(engagement.engagementKey()).orElse(null);
    if (recorded == null || !recorded.hasSqlPull()) {
      return;
    }
    String source = recorded.sqlSource();
    try {
      // checked again: the administrator may have narrowed the source since the requirements were
      // recorded
      SqlPullQuery query =
          access.checked(
              engagement.engagementKey(),
              (String) engagements.variable(engagement.processInstanceId(), "client"),
              source,
              recorded.sqlQuery());
      byte[] csv = rowsAsCsv(source, query);
      producer.requestBodyAndHeaders(
          DatasetIngestRoute.URI,
          csv,
          Map.of(
              IngestHeaders.ENGAGEMENT,
              engagement.engagementKey(),
              IngestHeaders.SOURCE,
              "sql",
              IngestHeaders.DATASET_NAME,
              "sql-" + source + ".csv",
              IngestHeaders.FORMAT,
              "csv"));
    } catch (Exception e) {
      Throwable cause =
          e.getCause() != null && e instanceof org.apache.camel.CamelExecutionException
              ? e.getCause()
              : e;
      String reason = "SQL pull from '" + source + "' failed: " + cause.getMessage();
      log.warn("Engagement {}: {}", engagement.engagementKey(), reason);
      if (cause instanceof SqlPullRefusedException) {
        audit.append(
            ModelRegistry.SYSTEM,
            "SQL_PULL_REFUSED",
            "engagement",
            engagement.engagementKey(),
            Map.of("source", source, "reason", cause.getMessage()));
      }
      engagements.raiseIncident(
          engagement.processInstanceId(),
          AWAIT_DATASET,
          "failedSqlPull",
          source,
          TextVariables.cut(reason));
    }
  }

  private byte[] rowsAsCsv(String source, SqlPullQuery query) throws Exception {
    DataSource dataSource =
        sources
            .dataSource(source)
            .orElseThrow(
                () ->
                    new SqlPullRefusedException(
                        "no client database named '" + source + "' in lepton.sql.sources"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      refuseAdministratorAccount(source, connection);
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(query.sql());
          CSVPrinter printer =
              new CSVPrinter(
                  new OutputStreamWriter(out, StandardCharsets.UTF_8),
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

  /**
   * On H2, only an administrator may read or write files, link other databases or run scripts; a
   * source whose account is one could do all of that whatever the query says, so it is refused.
   * Other databases: the account's grants are the administrator's to keep read-only; the connection
   * is read-only in any case.
   */
  private static void refuseAdministratorAccount(String source, Connection connection)
      throws SQLException {
    if (!connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
      return;
    }
    try (Statement statement = connection.createStatement();
        ResultSet admin =
            statement.executeQuery(
                "SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER")) {
      if (admin.next() && admin.getBoolean(1)) {
        throw new SqlPullRefusedException(
            "the account of client database '"
                + source
                + "' is an H2 administrator"
                + " (it could read the server's files); declare a read-only account: CREATE USER … ; GRANT SELECT ON"
                + " <table> TO …");
      }
    }
  }
}
