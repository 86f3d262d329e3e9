package ai.lepton.ml.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class LeptonSchemaTest {

  private static JdbcDataSource database(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return dataSource;
  }

  @Test
  void aNewDatabaseGetsEveryTableWithLeptonsOwnHistory() {
    JdbcDataSource dataSource = database("schema-new");
    assertThat(new LeptonSchema(dataSource).migrate()).isGreaterThanOrEqualTo(12);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("select count(*) from lepton_decision", Integer.class)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from information_schema.tables where lower(table_name) ="
                    + " 'flyway_schema_history'",
                Integer.class))
        .isZero();
    assertThat(new LeptonSchema(dataSource).migrate()).isZero(); // the next start has nothing to do
  }

  @Test
  void aHostsOwnMigrationHistoryIsLeftAlone() {
    JdbcDataSource dataSource = database("schema-host");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute(
        "create table \"flyway_schema_history\" (\"installed_rank\" int, \"version\" varchar(50),"
            + " \"description\" varchar(200), \"success\" boolean)");
    jdbc.update("insert into \"flyway_schema_history\" values (1, '1', 'loan book', true)");
    jdbc.execute("create table loan_book (id int)");
    assertThat(new LeptonSchema(dataSource).migrate()).isGreaterThanOrEqualTo(12);
    assertThat(
            jdbc.queryForList(
                "select \"description\" from \"flyway_schema_history\"", String.class))
        .containsExactly("loan book");
  }

  @Test
  void anInstallationMigratedIntoTheSharedHistoryIsAdoptedWithoutRunningAnythingTwice() {
    JdbcDataSource dataSource = database("schema-older");
    // how Lepton's tables were made before they had their own history table
    Flyway.configure()
        .dataSource(dataSource)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .locations("classpath:ai/lepton/db/migration", "classpath:ai/lepton/db/vendor/h2")
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update(
        "insert into lepton_audit (seq, recorded_at, actor, entry_type, subject_type, subject_id,"
            + " entry_json, previous_hash, hash) values (1, current_timestamp, 'x', 'X', 't', 's', '{}', ?, ?)",
        "0".repeat(64),
        "1".repeat(64));

    assertThat(new LeptonSchema(dataSource).migrate()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from lepton_audit", Integer.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select max(\"version\") from \"lepton_schema_history\"", String.class))
        .isNotBlank();
  }
}
