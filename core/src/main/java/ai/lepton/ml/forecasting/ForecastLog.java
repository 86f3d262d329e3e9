package ai.lepton.ml.forecasting;

import ai.lepton.ml.Json;
import ai.lepton.ml.TimeOrderedId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every forecast a deployed forecaster made, kept like decisions: which version, how far, with
 * what, for whom.
 */
@Component
public class ForecastLog {

  private static final String INSERT =
      "INSERT INTO lepton_forecast (id, model_name, model_version_id, horizon,"
          + " overlays_json, periods_json, other_targets_json, requested_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;

  public ForecastLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Logs the forecast and answers its id. */
  public String record(Forecast forecast, List<Map<String, Object>> overlays, String requestedBy) {
    String id = TimeOrderedId.next("fc");
    jdbc.update(
        INSERT,
        id,
        forecast.modelName(),
        forecast.modelVersionId(),
        forecast.periods().size(),
        overlays == null || overlays.isEmpty() ? null : Json.write(overlays),
        Json.write(forecast.periods()),
        forecast.otherTargets().isEmpty() ? null : Json.write(forecast.otherTargets()),
        requestedBy,
        Timestamp.from(Instant.now()));
    return id;
  }

  /**
   * A forecast as the log keeps it: the version that made it, the inputs known in advance it was
   * given for each period (empty for none), its target's periods and those of the other series it
   * forecast, who asked and when.
   */
  public record LoggedForecast(
      String forecastId,
      String modelVersionId,
      int horizon,
      List<Map<String, Object>> overlays,
      List<Forecast.Period> periods,
      List<Forecast.Series> otherTargets,
      String requestedBy,
      String madeAt) {}

  /** The newest forecasts of a model, newest first. */
  public List<LoggedForecast> recent(String modelName, int limit) {
    return jdbc.query(
        "SELECT id, model_version_id, horizon, overlays_json, periods_json, other_targets_json,"
            + " requested_by, made_at FROM lepton_forecast WHERE model_name = ? ORDER BY made_at DESC, id DESC LIMIT ?",
        (rs, i) ->
            new LoggedForecast(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4) == null ? List.of() : Json.readList(rs.getString(4)),
                Json.readList(rs.getString(5)).stream()
                    .map(period -> Json.convert(period, Forecast.Period.class))
                    .toList(),
                rs.getString(6) == null
                    ? List.of()
                    : Json.readList(rs.getString(6)).stream()
                        .map(series -> Json.convert(series, Forecast.Series.class))
                        .toList(),
                String.valueOf(rs.getString(7)),
                rs.getTimestamp(8).toInstant().toString()),
        modelName,
        limit);
  }
}
