package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lepton's meters as a Prometheus scraper reads them: behind the login, counting what was decided.
 */
class MetricsOverHttpTest extends HttpTestSupport {

  private static final String SCRAPE = "/actuator/prometheus";

  @Test
  void onlyAdministratorsAndScrapersReadTheMetrics() {
    assertThat(get(null, SCRAPE).status()).isEqualTo(401);
    for (String user : new String[] {"pm", "ds", "mro", "auditor", "co", "am"}) {
      assertThat(get(user, SCRAPE).status()).as(user).isEqualTo(403);
    }
    assertThat(auditEntries())
        .anySatisfy(
            entry ->
                assertThat(entry.toString())
                    .contains("AUTHORIZATION_REFUSED")
                    .contains("GET /actuator/prometheus")
                    .contains("\"pm\""));
    assertThat(get("demo", SCRAPE).status()).isEqualTo(200);
  }

  @Test
  void decisionsAreCountedPerModelAndDecisionWithTheirSteps() throws Exception {
    waitFor(
        "the demo churn model",
        Duration.ofMinutes(3),
        () -> get("pm", "/api/models/live?name=churn-risk&at=" + Instant.now()).status() == 200);
    Map<?, ?> customer =
        new ObjectMapper()
            .readValue(
                Files.readString(Path.of("../docs/examples/churn-customer.json")), Map.class);
    String path = "/api/decisions/churn-risk?ruleSet=churn-retention";
    String decision = postJson("pm", path, customer).json().path("decision").asText();
    String series =
        "lepton_decisions_seconds_count{application=\"lepton\",decision=\""
            + decision
            + "\",model=\"churn-risk\"}";
    double before = value(get("demo", SCRAPE).text(), series);

    for (int i = 0; i < 3; i++) {
      assertThat(postJson("pm", path, customer).json().path("decision").asText())
          .isEqualTo(decision);
    }
    assertThat(
            postJson("pm", "/api/decisions/no-model-called-this?ruleSet=churn-retention", customer)
                .status())
        .isEqualTo(404);

    String scrape = get("demo", SCRAPE).text();
    assertThat(value(scrape, series)).isEqualTo(before + 3);
    assertThat(scrape)
        .contains(
            "lepton_decisions_seconds_bucket{application=\"lepton\",decision=\""
                + decision
                + "\",model=\"churn-risk\",le=\"0.01\"}")
        .contains(
            "lepton_decisions_seconds_count{application=\"lepton\",decision=\"MODEL_NOT_FOUND\","
                + "model=\"unknown\"}")
        .doesNotContain("no-model-called-this")
        .contains(
            "lepton_decision_scoring_seconds_count{application=\"lepton\",model=\"churn-risk\"}")
        .contains(
            "lepton_decision_rules_seconds_count{application=\"lepton\",ruleSet=\"churn-retention\"}")
        .contains("lepton_engine_jobs{application=\"lepton\",state=\"due\"}")
        .contains("lepton_engine_jobs{application=\"lepton\",state=\"failed\"}")
        .contains("lepton_engine_incidents{application=\"lepton\"}")
        .contains("lepton_engine_external_tasks{application=\"lepton\"}")
        .contains("lepton_datasets_total{application=\"lepton\",outcome=\"refused\"}");
    // the demo engagements' data came in through the ingest pipeline
    assertThat(value(scrape, "lepton_datasets_total{application=\"lepton\",outcome=\"accepted\"}"))
        .isPositive();
    assertThat(
            value(
                scrape,
                "lepton_audit_entries_total{application=\"lepton\",type=\"DATASET_ACCEPTED\"}"))
        .isPositive();
  }

  private static double value(String scrape, String series) {
    Matcher line =
        Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(scrape);
    assertThat(line.find()).as(series + " in the scrape").isTrue();
    return Double.parseDouble(line.group(1));
  }
}
