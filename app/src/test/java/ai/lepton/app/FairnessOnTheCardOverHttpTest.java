package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The demo's credit engagement names protected attributes (personal_status, age < 25,
 * foreign_worker; favourable: good): its champion's card shows how the model's cross-validated
 * predictions treat each group.
 */
class FairnessOnTheCardOverHttpTest extends HttpTestSupport {

  @Test
  void theChampionsCardShowsTheGroupsOfEachProtectedAttribute() {
    waitFor(
        "the demo credit engagement at approval",
        Duration.ofMinutes(3),
        () ->
            get("demo", "/api/engagements/ENG-DEMO-CREDIT")
                .json()
                .path("currentSteps")
                .toString()
                .contains("Task_ApproveModel"));
    String champion =
        get("pm", "/api/engagements/ENG-DEMO-CREDIT")
            .json()
            .at("/variables/modelVersionId")
            .asText();
    assertThat(champion).startsWith("mv-");

    JsonNode fairness =
        get("auditor", "/api/models/" + champion + "/card.json").json().at("/validation/fairness");
    assertThat(fairness.findValuesAsText("attribute"))
        .containsExactly("personal_status", "age", "foreign_worker");
    assertThat(fairness.get(1).path("referenceGroup").asText()).isEqualTo("≥ 25");
    assertThat(fairness.get(1).path("groups").findValuesAsText("group"))
        .containsExactly("≥ 25", "< 25");

    String card = get("auditor", "/api/models/" + champion + "/card").text();
    assertThat(card)
        .contains(
            "id=\"group-fairness\"",
            "Group fairness by age",
            "reference group: ≥ 25",
            "Group fairness by personal_status",
            "male single",
            "Share predicted &#39;good&#39; per age group");
    assertThat(card.split("class=\"fairness-chart\"", -1)).hasSize(4); // a chart per attribute
  }
}
