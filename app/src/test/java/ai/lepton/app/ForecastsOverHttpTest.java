package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sales forecast as a project, a data scientist, a model risk officer and a business process see
 * it, over HTTP: the engagement on monthly wine sales (fortified, with red forecast jointly) to
 * deployment, then the next 12 months of both from {@code POST /api/forecasts}.
 */
class ForecastsOverHttpTest extends HttpTestSupport {

  @Test
  void aDeployedForecasterAnswersTheNextPeriodsWithIntervalsAndEachForecastIsLogged()
      throws Exception {
    String key = "ENG-HTTP-FORECAST-" + System.nanoTime();
    startEngagement("pm", key);
    assertThat(
            completeTask(
                    "ds",
                    taskId("ds", key, "Task_AnalyseRequirements"),
                    Map.of(
                        "targetAttribute",
                        "Fortified",
                        "problemType",
                        "forecasting",
                        "timeAttribute",
                        "Date",
                        "horizon",
                        12,
                        "alsoForecast",
                        "Red",
                        "modelName",
                        "fortified-sales-http",
                        "successMetric",
                        "maeRatioToSeasonalNaive",
                        "successThreshold",
                        2.0,
                        "algorithms",
                        "weka.classifiers.functions.LinearRegression",
                        "intendedUse",
                        "Monthly fortified and red wine sales for stock planning"))
                .status())
        .isEqualTo(204);
    byte[] wine;
    try (InputStream in = ForecastsOverHttpTest.class.getResourceAsStream("/data/wine.arff")) {
      wine = in.readAllBytes();
    }
    assertThat(postFile("ds", "/api/engagements/" + key + "/datasets", "wine.arff", wine).status())
        .isEqualTo(201);
    waitFor(
        "approval task",
        Duration.ofMinutes(2),
        () -> taskId("mro", key, "Task_ApproveModel") != null);
    assertThat(
            completeTask(
                    "mro",
                    taskId("mro", key, "Task_ApproveModel"),
                    Map.of(
                        "approved",
                        true,
                        "approvalReason",
                        "Beats last season's figures on the held-out year"))
                .status())
        .isEqualTo(204);
    waitFor(
        "deployment",
        Duration.ofMinutes(1),
        () ->
            get("pm", "/api/models/live?name=fortified-sales-http&at=" + java.time.Instant.now())
                    .status()
                == 200);

    Reply answer = postJson("pm", "/api/forecasts/fortified-sales-http", Map.of("horizon", 12));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonNode periods = answer.json().path("periods");
    assertThat(periods).hasSize(12);
    assertThat(periods.get(0).path("period").asText()).isEqualTo("1995-08-01");
    assertThat(periods.get(11).path("period").asText()).isEqualTo("1996-07-01");
    periods.forEach(
        period -> {
          assertThat(period.path("forecast").asDouble()).isBetween(500.0, 10_000.0);
          assertThat(period.path("lower").asDouble())
              .isLessThan(period.path("forecast").asDouble());
          assertThat(period.path("upper").asDouble())
              .isGreaterThan(period.path("forecast").asDouble());
        });
    JsonNode others = answer.json().path("otherTargets");
    assertThat(others).hasSize(1);
    assertThat(others.get(0).path("target").asText()).isEqualTo("Red");
    assertThat(others.get(0).path("periods")).hasSize(12);
    assertThat(others.get(0).path("periods").get(0).path("period").asText())
        .isEqualTo("1995-08-01");
    assertThat(others.get(0).path("periods").get(0).path("forecast").asDouble())
        .isNotEqualTo(periods.get(0).path("forecast").asDouble());
    assertThat(others.get(0).path("periods").get(0).path("upper").asDouble())
        .isGreaterThan(others.get(0).path("periods").get(0).path("forecast").asDouble());
    // the card shows each series held out against its forecast
    String card =
        get("auditor", "/api/models/" + answer.json().path("modelVersionId").asText() + "/card")
            .text();
    assertThat(card)
        .contains(
            "id=\"forecast-against-actual-Fortified\"",
            "id=\"forecast-against-actual-Red\"",
            "Red: error by step ahead");
    String forecastId = answer.json().path("forecastId").asText();
    JsonNode logged = get("auditor", "/api/forecasts?model=fortified-sales-http").json();
    assertThat(logged.findValuesAsText("forecastId")).contains(forecastId);
    assertThat(logged.get(0).path("otherTargets").get(0).path("periods")).hasSize(12);
    assertThat(get("pm", "/api/forecasts?model=fortified-sales-http").status()).isEqualTo(403);
    // those who may not decide may not forecast either: auditors change nothing, credit officers
    // decide in their
    // own process
    for (String user : List.of("auditor", "co", "mro")) {
      Reply refused = postJson(user, "/api/forecasts/fortified-sales-http", Map.of("horizon", 3));
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(
              postJson(
                      user,
                      "/api/decisions/fortified-sales-http?ruleSet=credit-decision",
                      Map.of("Red", 1))
                  .status())
          .as(user + " decision")
          .isEqualTo(403);
    }
    assertThat(auditEntries())
        .anySatisfy(
            entry ->
                assertThat(entry.toString())
                    .contains("AUTHORIZATION_REFUSED")
                    .contains("POST /api/forecasts/fortified-sales-http")
                    .contains("\"auditor\""));
    assertThat(auditEntries())
        .anySatisfy(
            entry ->
                assertThat(entry.toString())
                    .contains("AUTHORIZATION_REFUSED")
                    .contains("POST /api/decisions/fortified-sales-http")
                    .contains("\"co\""));

    // what a caller can act on: a decision model, a bad horizon, an unknown model, a forecaster
    // asked to decide
    waitFor(
        "the demo churn model",
        Duration.ofMinutes(3),
        () ->
            get("pm", "/api/models/live?name=churn-risk&at=" + java.time.Instant.now()).status()
                == 200);
    assertThat(
            postJson("pm", "/api/forecasts/churn-risk", Map.of("horizon", 3))
                .json()
                .path("error")
                .asText())
        .isEqualTo("NOT_A_FORECAST_MODEL");
    assertThat(postJson("pm", "/api/forecasts/fortified-sales-http", Map.of("horizon", 0)).status())
        .isEqualTo(400);
    assertThat(postJson("pm", "/api/forecasts/fortified-sales-http", Map.of()).status())
        .isEqualTo(400);
    assertThat(postJson("pm", "/api/forecasts/no-such-model", Map.of("horizon", 3)).status())
        .isEqualTo(404);
    Reply decision =
        postJson(
            "pm",
            "/api/decisions/fortified-sales-http?ruleSet=credit-decision",
            Map.of("Red", 1000));
    assertThat(decision.status()).isEqualTo(400);
    assertThat(decision.json().path("error").asText()).isEqualTo("NOT_A_DECISION_MODEL");
    assertThat(List.of(answer.json().path("modelVersionId").asText()))
        .allSatisfy(id -> assertThat(id).startsWith("mv-"));
  }

  @Test
  void theDemosSalesForecastAnswersOutOfTheBox() {
    waitFor(
        "the demo sales forecast",
        Duration.ofMinutes(3),
        () ->
            get("pm", "/api/models/live?name=sales-forecast&at=" + java.time.Instant.now()).status()
                == 200);
    Reply answer = postJson("pm", "/api/forecasts/sales-forecast", Map.of("horizon", 12));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().path("periods")).hasSize(12);
    assertThat(answer.json().path("target").asText()).isEqualTo("Fortified");
    assertThat(answer.json().path("otherTargets")).isEmpty();
  }
}
