package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.Json;
import ai.lepton.ml.card.EngagementRecord;
import ai.lepton.ml.card.ModelCard;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Champion and challenger as people do it over HTTP: a second engagement's model approved as a
 * challenger answers live decisions in shadow, the engagement asks a model risk officer once enough
 * are logged (30 here), and only their decision promotes it; the cards carry the comparison.
 */
class ChallengerTrialOverHttpTest extends HttpTestSupport {

  private static final String MODEL = "churn-trial-http";

  @Test
  void aChallengerIsTriedOnLiveDecisionsAndPromotedByARiskOfficer() throws Exception {
    // Given a live champion (NaiveBayes) and a second engagement's J48 approved as a challenger
    String champion =
        trainAndApprove("ENG-HTTP-TRIAL-1", "weka.classifiers.bayes.NaiveBayes", "champion");
    String challenger =
        trainAndApprove(
            "ENG-HTTP-TRIAL-2", "weka.classifiers.trees.J48 -C 0.25 -M 2", "challenger");
    waitFor(
        "the challenger on trial",
        Duration.ofMinutes(1),
        () ->
            get("auditor", "/api/models/" + challenger)
                .json()
                .path("status")
                .asText()
                .equals("CHALLENGER"));
    assertThat(
            get("pm", "/api/models/live?name=" + MODEL + "&at=" + Instant.now())
                .json()
                .path("modelVersionId")
                .asText())
        .isEqualTo(champion);

    // When customers are decided, one alone and 40 in a batch
    Reply single =
        postJson("pm", "/api/decisions/" + MODEL + "?ruleSet=churn-retention", churnCustomer(0));
    assertThat(single.status()).as(single.text()).isEqualTo(200);
    // the answer is the champion's; the challenger's is never returned
    assertThat(single.text()).contains(champion).doesNotContain(challenger);
    List<String> lines = Files.readAllLines(Path.of("../datasets/wa_churn.csv"));
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 1; i <= 40; i++) {
      csv.append(lines.get(i)).append('\n');
    }
    Reply batch =
        post(
            "pm",
            "/api/decisions/" + MODEL + "/batch?ruleSet=churn-retention",
            "text/csv",
            csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(batch.status()).as(batch.text()).isEqualTo(200);
    assertThat(batch.text()).doesNotContain(challenger);

    // Then the engagement asks a model risk officer, with the comparison
    waitFor(
        "Decide on challenger",
        Duration.ofMinutes(1),
        () -> taskId("mro", "ENG-HTTP-TRIAL-2", "Task_DecideOnChallenger") != null);
    String decide = taskId("mro", "ENG-HTTP-TRIAL-2", "Task_DecideOnChallenger");
    JsonNode form = get("mro", "/engine-rest/task/" + decide + "/form-variables").json();
    assertThat(form.at("/challengerSummary/value").asText())
        .startsWith("41 decisions answered in shadow");
    JsonNode trial =
        get("auditor", "/api/models/" + challenger + "/card.json").json().path("challengerTrial");
    assertThat(trial.at("/comparison/decisions").asInt()).isEqualTo(41);
    assertThat(trial.at("/comparison/championVersionIds/0").asText()).isEqualTo(champion);
    assertThat(trial.at("/comparison/agreement").asDouble()).isBetween(0.0, 1.0);

    // A data scientist cannot decide it; a reason is required; a model risk officer promotes it
    assertThat(
            completeTask(
                    "ds",
                    decide,
                    Map.of("promoteChallenger", true, "challengerDecisionReason", "x"))
                .status())
        .isEqualTo(403);
    assertThat(completeTask("mro", decide, Map.of("promoteChallenger", true)).status())
        .isEqualTo(400);
    Reply promoted =
        completeTask(
            "mro",
            decide,
            Map.of(
                "promoteChallenger",
                true,
                "challengerDecisionReason",
                "agrees with the champion on most customers and is as accurate"));
    assertThat(promoted.status()).as(promoted.text()).isEqualTo(204);

    // Then it is live, and its card and the engagement's record keep the trial and the decision
    waitFor(
        "the promotion",
        Duration.ofMinutes(1),
        () ->
            get("pm", "/api/models/live?name=" + MODEL + "&at=" + Instant.now())
                .json()
                .path("modelVersionId")
                .asText()
                .equals(challenger));
    assertThat(get("auditor", "/api/models/" + champion).json().path("status").asText())
        .isEqualTo("RETIRED");
    JsonNode decided =
        get("auditor", "/api/models/" + challenger + "/card.json")
            .json()
            .at("/challengerTrial/decisions/0");
    assertThat(decided.path("promoted").asBoolean()).isTrue();
    assertThat(decided.path("officer").asText()).isEqualTo("mro");
    assertThat(decided.at("/evidence/decisions").asInt()).isEqualTo(41);
    ModelCard card =
        Json.convertStrictly(
            get("auditor", "/api/models/" + challenger + "/card.json").json(), ModelCard.class);
    assertThat(card.challengerTrial().decisions())
        .extracting(ModelCard.TrialDecision::promoted)
        .containsExactly(true);
    assertThat(card.challengerTrial().comparison()).containsEntry("decisions", 41);
    String page = get("auditor", "/api/models/" + challenger + "/card").text();
    assertThat(page)
        .contains(
            "id=\"challenger-trial\"",
            "Trial as a challenger",
            "41 decisions answered in shadow",
            "promoted");
    JsonNode record = get("auditor", "/api/audit/engagements/ENG-HTTP-TRIAL-2").json();
    assertThat(Json.convertStrictly(record, EngagementRecord.class).monitoring())
        .anySatisfy(m -> assertThat(m.challengerTrial()).isNotNull());
    assertThat(record.findValuesAsText("type"))
        .contains("MODEL_CHALLENGER", "CHALLENGER_PROMOTION_GRANTED");
    Reply after =
        postJson("pm", "/api/decisions/" + MODEL + "?ruleSet=churn-retention", churnCustomer(1));
    assertThat(after.text()).contains(challenger);
  }

  /**
   * Opens an engagement for the model, trains one learner on wa_churn and approves its champion as
   * asked.
   */
  private String trainAndApprove(String key, String algorithm, String deployAs) {
    startEngagement("pm", key);
    Map<String, Object> requirements = new HashMap<>();
    requirements.put("targetAttribute", "churn");
    requirements.put("problemType", "classification");
    requirements.put("modelName", MODEL);
    requirements.put("successMetric", "weightedAreaUnderROC");
    requirements.put("successThreshold", 0.6);
    requirements.put("ruleSets", "churn-retention");
    requirements.put("algorithms", algorithm);
    assertThat(
            completeTask("ds", taskId("ds", key, "Task_AnalyseRequirements"), requirements)
                .status())
        .isEqualTo(204);
    Reply upload =
        post(
            "ds", "/api/engagements/" + key + "/datasets?name=wa_churn.csv", "text/csv", waChurn());
    assertThat(upload.status()).as(upload.text()).isEqualTo(201);
    waitFor(
        "Approve model of " + key,
        Duration.ofMinutes(3),
        () -> taskId("mro", key, "Task_ApproveModel") != null);
    String version =
        get("pm", "/api/engagements/" + key).json().at("/variables/modelVersionId").asText();
    Reply approved =
        completeTask(
            "mro",
            taskId("mro", key, "Task_ApproveModel"),
            Map.of("approved", true, "approvalReason", "meets policy", "deployAs", deployAs));
    assertThat(approved.status()).as(approved.text()).isEqualTo(204);
    return version;
  }
}
