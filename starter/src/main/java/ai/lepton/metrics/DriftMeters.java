package ai.lepton.metrics;

import ai.lepton.ml.Json;
import ai.lepton.ml.monitoring.MonitoringCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code lepton.monitoring.psi}: the population stability index of each attribute of each model in
 * its newest monitoring check (tags {@code model}, {@code attribute}), read from Lepton's check
 * table every {@code lepton.metrics.drift-refresh} (default a minute; checks run daily by default).
 */
public final class DriftMeters implements MeterBinder, SmartLifecycle {

  /**
   * The newest checks read per refresh: enough for every model of an installation, bounded all the
   * same.
   */
  static final int NEWEST_CHECKS = 500;

  private static final Logger LOG = LoggerFactory.getLogger(DriftMeters.class);

  private final JdbcTemplate jdbc;
  private final Duration every;
  private volatile MultiGauge psi;
  private ScheduledExecutorService refreshes;

  /** Refreshed every {@code every} once started (zero: only when {@link #refresh()} is called). */
  public DriftMeters(JdbcTemplate jdbc, Duration every) {
    this.jdbc = jdbc;
    this.every = every;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    psi =
        MultiGauge.builder("lepton.monitoring.psi")
            .description(
                "PSI of an attribute's recent inputs against the training data, newest check of the model")
            .register(registry);
  }

  /** Reads the newest check of each model again. */
  public void refresh() {
    MultiGauge psi = this.psi;
    if (psi == null) {
      return;
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String document :
        jdbc.queryForList(
            "SELECT result_json FROM lepton_monitoring_check ORDER BY checked_at DESC LIMIT "
                + NEWEST_CHECKS,
            String.class)) {
      MonitoringCheck check = MonitoringCheck.of(Json.readMap(document));
      if (check.modelName() == null || !seen.add(check.modelName()) || check.attributes() == null) {
        continue;
      }
      check
          .attributes()
          .forEach(
              attribute ->
                  rows.add(
                      MultiGauge.Row.of(
                          Tags.of("model", check.modelName(), "attribute", attribute.attribute()),
                          attribute.psi())));
    }
    psi.register(rows, true);
  }

  @Override
  public synchronized void start() {
    if (every.isZero() || every.isNegative()) {
      return;
    }
    refreshes =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "lepton-drift-meters");
              thread.setDaemon(true);
              return thread;
            });
    refreshes.scheduleWithFixedDelay(
        () -> {
          try {
            refresh();
          } catch (RuntimeException e) {
            LOG.warn(
                "Could not read the newest monitoring checks for the PSI gauges: {}", e.toString());
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (refreshes != null) {
      refreshes.shutdownNow();
      refreshes = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return refreshes != null;
  }
}
