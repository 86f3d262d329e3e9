package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project manager's list of engagements over HTTP, on the demo's three. */
class EngagementListOverHttpTest extends HttpTestSupport {

  @BeforeEach
  void demoEngagementsSettled() {
    waitFor(
        "the demo churn engagement in maintenance",
        Duration.ofMinutes(3),
        () ->
            get("demo", "/api/engagements/ENG-DEMO-CHURN-RISK")
                .json()
                .path("currentSteps")
                .toString()
                .contains("Gateway_NextCheck"));
    waitFor(
        "the demo credit engagement at approval",
        Duration.ofMinutes(3),
        () ->
            get("demo", "/api/engagements/ENG-DEMO-CREDIT")
                .json()
                .path("currentSteps")
                .toString()
                .contains("Task_ApproveModel"));
  }

  @Test
  void eachEngagementIsOneLineSayingWhereItIsAndWhatItWaitsOn() {
    JsonNode page = get("pm", "/api/engagements?size=200").json();
    assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(3);

    JsonNode churn = line(page, "ENG-DEMO-CHURN-RISK");
    assertThat(churn.path("client").asText()).isEqualTo("Demo Telco");
    assertThat(churn.path("phase").asText()).isEqualTo("maintenance");
    assertThat(churn.path("status").asText()).isEqualTo("in-maintenance");
    assertThat(churn.path("liveModelVersionId").asText()).startsWith("mv-");
    assertThat(churn.path("approval").asText()).isEqualTo("approved");
    assertThat(churn.at("/champion/metric").asText()).isEqualTo("weightedAreaUnderROC");
    assertThat(churn.at("/champion/value").asDouble())
        .isGreaterThanOrEqualTo(churn.at("/champion/threshold").asDouble());
    assertThat(churn.at("/champion/meetsThreshold").asBoolean()).isTrue();
    assertThat(churn.path("processInstanceId").asText()).isNotBlank();
    assertThat(churn.path("taskId").isNull()).as("no user task open in maintenance").isTrue();
    assertThat(churn.path("waitingTooLong").asBoolean()).as("a timer is nobody's delay").isFalse();

    JsonNode credit = line(page, "ENG-DEMO-CREDIT");
    assertThat(credit.path("phase").asText()).isEqualTo("approval");
    assertThat(credit.path("status").asText()).isEqualTo("awaiting-approval");
    assertThat(credit.path("waitingOn").asText()).isEqualTo("model-risk-officers");
    assertThat(credit.path("since").isNull()).isFalse();
    assertThat(credit.path("approval").asText()).isEqualTo("awaiting approval");
    assertThat(credit.path("liveModelVersionId").isNull()).isTrue();
    assertThat(credit.path("taskId").asText())
        .as("the approval task, for the Tasklist link")
        .isEqualTo(
            get(
                    "mro",
                    "/engine-rest/task?processInstanceId="
                        + credit.path("processInstanceId").asText())
                .json()
                .at("/0/id")
                .asText());
    assertThat(credit.path("waitingTooLong").asBoolean())
        .as("waiting minutes, not the 3 days allowed")
        .isFalse();
  }

  @Test
  void filtersPagingAndSortingAnswerWhatWasAsked() {
    JsonNode maintenance = get("pm", "/api/engagements?status=in-maintenance&size=200").json();
    assertThat(maintenance.path("engagements").findValuesAsText("status"))
        .isNotEmpty()
        .containsOnly("in-maintenance");
    assertThat(
            get("pm", "/api/engagements?q=churn-risk")
                .json()
                .path("engagements")
                .findValuesAsText("engagementId"))
        .contains("ENG-DEMO-CHURN-RISK")
        .doesNotContain("ENG-DEMO-CREDIT");
    assertThat(
            get("pm", "/api/engagements?client=demo%20telco")
                .json()
                .path("engagements")
                .findValuesAsText("client"))
        .isNotEmpty()
        .containsOnly("Demo Telco");

    JsonNode first = get("pm", "/api/engagements?size=1&sort=engagementId").json();
    JsonNode second = get("pm", "/api/engagements?size=1&page=1&sort=engagementId").json();
    assertThat(first.path("engagements")).hasSize(1);
    assertThat(first.at("/engagements/0/engagementId").asText())
        .isLessThan(second.at("/engagements/0/engagementId").asText());

    String churnInstance =
        get("pm", "/api/engagements/ENG-DEMO-CHURN-RISK").json().path("processInstanceId").asText();
    assertThat(
            get("pm", "/api/engagements?processInstanceId=" + churnInstance)
                .json()
                .path("engagements")
                .findValuesAsText("engagementId"))
        .containsExactly("ENG-DEMO-CHURN-RISK");
    assertThat(
            get("pm", "/api/engagements?processInstanceId=no-such-instance")
                .json()
                .path("total")
                .asInt())
        .isZero();
    assertThat(get("pm", "/api/engagements?status=stuck").status()).isEqualTo(400);
    assertThat(get("pm", "/api/engagements?sort=mood").status()).isEqualTo(400);
    assertThat(get("pm", "/api/engagements?size=5000").status()).isEqualTo(400);
  }

  @Test
  void groupsWithoutTheRightToReadEngagementsSeeNone() {
    JsonNode page = get("co", "/api/engagements").json();
    assertThat(page.path("total").asInt()).isZero();
    assertThat(page.path("engagements")).isEmpty();
    assertThat(get(null, "/api/engagements").status()).isEqualTo(401);
  }

  private static JsonNode line(JsonNode page, String engagementId) {
    for (JsonNode line : page.path("engagements")) {
      if (line.path("engagementId").asText().equals(engagementId)) {
        return line;
      }
    }
    throw new AssertionError(engagementId + " is not in " + page);
  }
}
