package ai.lepton.benchmarks;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Lepton's tables in a benchmark's database, by the app's Flyway migrations (portable ones and the database's own). */
final class LeptonSchema {

  private LeptonSchema() {}

  /** @param vendor {@code h2} or {@code postgresql}, as Spring Boot's {@code {vendor}} placeholder names them */
  static void migrate(DataSource dataSource, String vendor) {
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0")
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
  }
}
