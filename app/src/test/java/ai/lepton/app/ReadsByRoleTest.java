package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per cell of app/README.md's "Who reads what over Lepton's API", over HTTP against the
 * demo.
 */
class ReadsByRoleTest extends HttpTestSupport {

  private static final String ENGAGEMENT = "ENG-DEMO-CHURN-RISK";

  String datasetId;
  String modelId;

  @BeforeEach
  void demoModelLive() {
    waitFor(
        "the demo churn model deployed",
        Duration.ofMinutes(3),
        () ->
            postJson("pm", "/api/decisions/churn-risk?ruleSet=churn-retention", churnCustomer(0))
                    .status()
                == 200);
    waitFor(
        "the demo credit model deployed",
        Duration.ofMinutes(3),
        () ->
            postJson("pm", "/api/decisions/credit-risk?ruleSet=credit-decision", creditApplicant(0))
                    .status()
                == 200);
    JsonNode model = get("demo", "/api/models?engagement=" + ENGAGEMENT).json().get(0);
    modelId = model.path("modelVersionId").asText();
    datasetId = model.path("datasetId").asText();
  }

  @ParameterizedTest(name = "{0} reads a dataset, its file and a model file: {1}")
  @CsvSource({"pm, 200", "ds, 200", "mro, 200", "auditor, 200", "demo, 200", "co, 403", "am, 403"})
  void rawDataAndModelFiles(String user, int expected) {
    long refusals = refusalsOf(user);
    for (String path :
        List.of(
            "/api/datasets/" + datasetId,
            "/api/datasets/" + datasetId + "/file",
            "/api/models/" + modelId + "/file")) {
      Reply reply = get(user, path);
      assertThat(reply.status()).as(user + " " + path).isEqualTo(expected);
      if (expected == 403) {
        assertThat(reply.json().path("detail").asText())
            .contains("Clients' datasets and model files are read by");
      }
    }
    assertThat(refusalsOf(user)).isEqualTo(refusals + (expected == 403 ? 3 : 0));
  }

  @ParameterizedTest(name = "{0} reads the decision log: {1}")
  @CsvSource({
    "mro, all",
    "auditor, all",
    "demo, all",
    "co, credit-decision",
    "am, churn-retention",
    "pm, 403",
    "ds, 403"
  })
  void decisionLog(String user, String sees) {
    for (String model : List.of("credit-risk", "churn-risk")) {
      Reply reply = get(user, "/api/decisions?model=" + model);
      if (sees.equals("403")) {
        assertThat(reply.status()).as(user).isEqualTo(403);
        continue;
      }
      assertThat(reply.status()).isEqualTo(200);
      List<String> ruleSets = reply.json().findValuesAsText("ruleSet");
      boolean own =
          sees.equals("all") || (sees.equals("credit-decision") == model.equals("credit-risk"));
      if (own) {
        assertThat(ruleSets).as(user + " on " + model).isNotEmpty();
      } else {
        assertThat(ruleSets).as(user + " on " + model).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0} reads an engagement's variables and history in the engine: {1}")
  @CsvSource({"pm, true", "ds, true", "mro, true", "auditor, true", "co, false", "am, false"})
  void engineVariablesAndHistory(String user, boolean sees) {
    String instance =
        get("demo", "/engine-rest/process-instance?businessKey=" + ENGAGEMENT)
            .json()
            .get(0)
            .path("id")
            .asText();
    for (String path :
        List.of(
            "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
            "/engine-rest/history/variable-instance?processInstanceId=" + instance,
            "/engine-rest/history/process-instance?processInstanceBusinessKey=" + ENGAGEMENT,
            "/engine-rest/task?processInstanceBusinessKey="
                + ENGAGEMENT
                + "&withCandidateGroups=false")) {
      Reply reply = get(user, path);
      assertThat(reply.status()).as(user + " " + path).isEqualTo(200);
      if (!path.contains("/task?")) {
        assertThat(reply.json().size() > 0).as(user + " " + path).isEqualTo(sees);
      } else if (!sees) {
        assertThat(reply.json().size()).as(user + " " + path).isZero();
      }
    }
  }

  @Test
  void creditOfficersSeeTheirOwnProcess() {
    Reply started =
        postJson(
            "pm",
            "/engine-rest/process-definition/key/credit-application/start",
            java.util.Map.of(
                "variables",
                variables(
                    java.util.Map.of(
                        "features", JSON.valueToTree(creditApplicant(7)).toString()))));
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String id = started.json().path("id").asText();
    assertThat(
            get("co", "/engine-rest/history/variable-instance?processInstanceId=" + id)
                .json()
                .size())
        .isPositive();
    assertThat(
            get("am", "/engine-rest/history/variable-instance?processInstanceId=" + id)
                .json()
                .size())
        .isZero();
  }

  private long refusalsOf(String user) {
    return auditEntries().stream()
        .filter(
            e ->
                e.path("type").asText().equals("AUTHORIZATION_REFUSED")
                    && e.path("actor").asText().equals(user))
        .count();
  }
}
