package ai.lepton.ml.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The datasets a client sent as production data for monitoring (message {@code
 * MonitoringDataReceived}), by engagement: recorded as they are stored, whether or not the
 * engagement was waiting, so that the next monitoring check reads them and none is lost.
 */
@Component
public class MonitoringDataInbox {

  private final JdbcTemplate jdbc;

  public MonitoringDataInbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a stored dataset as monitoring data of an engagement; the same dataset twice is
   * recorded once.
   */
  public void record(String datasetId, String engagementKey, String receivedBy) {
    Integer known =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM lepton_monitoring_dataset WHERE dataset_id = ?",
            Integer.class,
            datasetId);
    if (known == null || known == 0) {
      jdbc.update(
          "INSERT INTO lepton_monitoring_dataset (dataset_id, engagement_key, received_by, received_at)"
              + " VALUES (?, ?, ?, ?)",
          datasetId,
          engagementKey,
          receivedBy,
          Timestamp.from(Instant.now()));
    }
  }

  /** The monitoring datasets of an engagement received at or after an instant, oldest first. */
  public List<String> since(String engagementKey, Instant from) {
    return jdbc.queryForList(
        "SELECT dataset_id FROM lepton_monitoring_dataset WHERE engagement_key = ?"
            + " AND received_at >= ? ORDER BY received_at, dataset_id",
        String.class,
        engagementKey,
        Timestamp.from(from));
  }
}
