package ai.lepton.ml.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.LeptonDatabase;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The forecast log on its own table (H2, Lepton's migrations): a forecast is found again as it was
 * made.
 */
class ForecastLogTest {

  @Test
  void aForecastIsKeptWithTheInputsItWasGivenAndEverySeries() throws Exception {
    JdbcDataSource dataSource = LeptonDatabase.fresh("forecast-log");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE"); // the model version is the registry's to make
    ForecastLog log = new ForecastLog(jdbc);
    List<Forecast.Period> front =
        List.of(
            new Forecast.Period("1985-01-01", 543.2, 423.0, 677.5),
            new Forecast.Period("1985-02-01", 462.0, null, null));
    List<Forecast.Period> rear =
        List.of(
            new Forecast.Period("1985-01-01", 301.0, 250.0, 352.0),
            new Forecast.Period("1985-02-01", 290.5, null, null));
    List<Map<String, Object>> inputs =
        List.of(Map.of("law", 1, "PetrolPrice", 0.116), Map.of("law", 1, "PetrolPrice", 0.118));

    String id =
        log.record(
            new Forecast(
                "road-casualties",
                "mv-1",
                "front",
                front,
                List.of(new Forecast.Series("rear", rear))),
            inputs,
            "pm");
    String plain =
        log.record(
            new Forecast("road-casualties", "mv-1", "front", front, List.of()), null, "process 7");

    List<ForecastLog.LoggedForecast> recent = log.recent("road-casualties", 10);
    assertThat(recent)
        .extracting(ForecastLog.LoggedForecast::forecastId)
        .containsExactly(plain, id);
    ForecastLog.LoggedForecast withInputs = recent.get(1);
    assertThat(withInputs.overlays()).isEqualTo(inputs);
    assertThat(withInputs.periods()).isEqualTo(front);
    assertThat(withInputs.otherTargets()).containsExactly(new Forecast.Series("rear", rear));
    assertThat(withInputs.requestedBy()).isEqualTo("pm");
    assertThat(withInputs.horizon()).isEqualTo(2);
    assertThat(recent.get(0).overlays()).isEmpty();
    assertThat(recent.get(0).otherTargets()).isEmpty();
  }
}
