package ai.lepton.app.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reclaims the space dead chunks hold in the embedded H2 file. Lepton runs H2 with {@code
 * WRITE_DELAY=0}, so every commit is written before it is answered; H2 then runs none of its
 * background housekeeping, and each commit's chunk stays in the file as long as one of its pages is
 * live: each commit left ~50 KB that were never reclaimed (1.5 GB after ~40,000 decisions,
 * BENCHMARKS.md). Every {@code lepton.h2.housekeeping-every} (default 1 s) this rewrites the live
 * pages of sparse chunks so the chunks die and their space is reused. It is not enough under a
 * steady stream of commits: a round waits at most 10 ms for H2's store lock, which the committers
 * mostly hold, and the chunks stay 43-60 % full (~4 KB of file per decision at 800 decisions/s, 1.2
 * KB per decision of a batch: BENCHMARKS.md). {@code RETENTION_TIME=0} in the URL lets freed space
 * be reused at once: written data is in the operating system's hands, so a killed process loses
 * nothing (H2 does not sync to the disk on commit either way). Idle on any other database.
 */
@Component
public class H2StoreHousekeeping implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(H2StoreHousekeeping.class);

  /** Chunks less full than this are rewritten. */
  static final int TARGET_FILL_PERCENT = 80;

  /**
   * At most this many bytes are rewritten in one round, so a round never holds writers up for long.
   */
  static final int MOST_BYTES_PER_ROUND = 4 << 20;

  private final DataSource dataSource;
  private final Duration every;
  private ScheduledExecutorService rounds;

  public H2StoreHousekeeping(
      DataSource dataSource, @Value("${lepton.h2.housekeeping-every:PT1S}") Duration every) {
    this.dataSource = dataSource;
    this.every = every;
  }

  /**
   * One round: the live pages of chunks below {@link #TARGET_FILL_PERCENT} move, at most a few MB
   * of them.
   */
  public void round() {
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = storeOf(connection);
      if (store != null && !store.isClosed()) {
        store.compact(TARGET_FILL_PERCENT, MOST_BYTES_PER_ROUND);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("H2 housekeeping round failed (the next one tries again): {}", e.toString());
    }
  }

  /**
   * The MVStore behind an embedded H2 connection; null for any other database or a server
   * connection.
   */
  static MVStore storeOf(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)) {
      return null;
    }
    if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      return null;
    }
    return session.getDatabase().getStore() == null
        ? null
        : session.getDatabase().getStore().getMvStore();
  }

  @Override
  public synchronized void start() {
    if (every.isZero() || every.isNegative()) {
      return;
    }
    rounds =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "lepton-h2-housekeeping");
              thread.setDaemon(true);
              return thread;
            });
    rounds.scheduleWithFixedDelay(
        this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (rounds != null) {
      rounds.shutdownNow();
      rounds = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return rounds != null;
  }
}
