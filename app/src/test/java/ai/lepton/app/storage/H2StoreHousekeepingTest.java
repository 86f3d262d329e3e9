package ai.lepton.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file of an H2 database written one commit at a time, as Lepton's decisions are ({@code
 * WRITE_DELAY=0}), with and without the housekeeping rounds: every row stays, and the file stays
 * near the size of its live data.
 */
class H2StoreHousekeepingTest {

  private static final int ROWS = 3_000;

  @TempDir Path dir;

  @Test
  void oneCommitPerRowKeepsTheFileSmallWithHousekeepingAndLosesNoRow() throws Exception {
    long without = fileAfterCommits(dir.resolve("without"), false);
    long with = fileAfterCommits(dir.resolve("with"), true);

    System.out.printf(
        "H2 file after %d single-row commits: %d KB without housekeeping, %d KB with%n",
        ROWS, without / 1024, with / 1024);
    assertThat(with).isLessThan(without / 3);
  }

  private long fileAfterCommits(Path directory, boolean housekeeping) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("lepton") + ";WRITE_DELAY=0;RETENTION_TIME=0");
    H2StoreHousekeeping rounds = new H2StoreHousekeeping(h2, Duration.ZERO);
    String record = "{\"features\": \"" + "x".repeat(900) + "\"}";
    try (Connection open =
        h2.getConnection()) { // keeps the database open between the writers' connections
      try (Statement ddl = open.createStatement()) {
        ddl.execute(
            "create table decision (id varchar(40) primary key, model varchar(80), decided_at timestamp,"
                + " record varchar(4000))");
        ddl.execute("create index decision_model on decision (model, decided_at)");
      }
      try (Connection writer = h2.getConnection();
          PreparedStatement insert =
              writer.prepareStatement("insert into decision values (?, ?, now(), ?)")) {
        writer.setAutoCommit(false);
        for (int i = 0; i < ROWS; i++) {
          insert.setString(1, "d-" + i);
          insert.setString(2, "model-" + (i % 3));
          insert.setString(3, record);
          insert.executeUpdate();
          writer.commit();
          if (housekeeping && i % 50 == 49) {
            rounds.round();
          }
        }
      }
      try (Statement count = open.createStatement();
          ResultSet rows = count.executeQuery("select count(*) from decision")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(ROWS);
      }
      return Files.size(directory.resolve("lepton.mv.db"));
    }
  }
}
