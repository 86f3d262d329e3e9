package ai.lepton.ml.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Lepton's tables ({@code lepton_*}), created and upgraded by Lepton's own Flyway migrations in
 * {@code classpath:ai/lepton/db/migration} (portable SQL) and {@code
 * ai/lepton/db/vendor/<database>} (the few that are not), recorded in Lepton's own history table
 * {@code lepton_schema_history}. A host application's Flyway — its {@code db/migration} and {@code
 * flyway_schema_history} — never sees them, and they never see its.
 *
 * <p>The database may already hold other tables (Camunda's, the host's), so a schema without
 * Lepton's history is baselined below version 1. An installation migrated before Lepton kept its
 * own history table recorded Lepton's migrations in {@code flyway_schema_history}; it is adopted at
 * the highest Lepton version found there.
 */
public final class LeptonSchema {

  public static final String HISTORY_TABLE = "lepton_schema_history";
  private static final String SHARED_HISTORY_TABLE = "flyway_schema_history";

  private final DataSource dataSource;

  public LeptonSchema(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Brings Lepton's tables to the newest version; answers how many migrations ran. */
  public int migrate() {
    String vendor = vendor();
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .table(HISTORY_TABLE)
            .locations(
                "classpath:ai/lepton/db/migration", "classpath:ai/lepton/db/vendor/" + vendor)
            .baselineOnMigrate(true)
            .baselineVersion(adoptedVersion())
            .baselineDescription("Lepton tables before lepton_schema_history")
            .load()
            .migrate();
    return result.migrationsExecuted;
  }

  /** The migration folder of this database: {@code h2} or {@code postgresql}. */
  String vendor() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("h2")) {
        return "h2";
      }
      if (product.contains("postgres")) {
        return "postgresql";
      }
      throw new IllegalStateException(
          "Lepton's tables are made for H2 and PostgreSQL, not " + product);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot reach the database for Lepton's tables: " + e.getMessage(), e);
    }
  }

  /**
   * "0", or the highest Lepton migration an older installation recorded in the shared history
   * table.
   */
  private String adoptedVersion() {
    try (Connection connection = dataSource.getConnection()) {
      String shared = tableName(connection, SHARED_HISTORY_TABLE);
      if (tableName(connection, HISTORY_TABLE) != null || shared == null) {
        return "0";
      }
      int highest = 0;
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "select \"version\", \"description\", \"success\" from \"" + shared + "\"")) {
        while (rows.next()) {
          String version = rows.getString(1);
          String description = rows.getString(2);
          if (rows.getBoolean(3)
              && version != null
              && description != null
              && description.toLowerCase(Locale.ROOT).startsWith("lepton")) {
            highest = Math.max(highest, Integer.parseInt(version.split("\\.")[0]));
          }
        }
      }
      return Integer.toString(highest);
    } catch (SQLException | NumberFormatException e) {
      return "0";
    }
  }

  /**
   * The table's name as the database spells it (Flyway quotes it in lower case), or null when it is
   * absent.
   */
  private static String tableName(Connection connection, String table) throws SQLException {
    for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return tables.getString("TABLE_NAME");
        }
      }
    }
    return null;
  }
}
