package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Rule sets as versions over HTTP: the jar's rules are version 1 and name every decision; a new
 * version is a draft once it compiles (a compile error is a 400 naming the line); a logged decision
 * replays identically.
 */
class RuleSetVersionsOverHttpTest extends HttpTestSupport {

  @Test
  void decisionsNameTheirRuleSetVersionAndReplayIdentically() throws Exception {
    waitFor(
        "the demo churn model",
        Duration.ofMinutes(3),
        () -> get("pm", "/api/models/live?name=churn-risk&at=" + Instant.now()).status() == 200);
    Instant from = Instant.now();
    Reply decided =
        postJson("pm", "/api/decisions/churn-risk?ruleSet=churn-retention", churnCustomer(3));
    assertThat(decided.status()).as(decided.text()).isEqualTo(200);
    String decisionId = decided.json().path("decisionId").asText();
    assertThat(decided.json().path("ruleSetVersion").asInt()).isEqualTo(1);

    // the jar's churn-retention is version 1, ACTIVE, and the decision names it
    JsonNode versions = get("auditor", "/api/rule-sets/churn-retention/versions").json();
    assertThat(versions.get(0).path("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(
            get("auditor", "/api/rule-sets/churn-retention/active?at=" + Instant.now())
                .json()
                .path("version")
                .asInt())
        .isEqualTo(1);
    assertThat(
            get("auditor", "/api/rule-sets/churn-retention/active?at=2020-01-01T00:00:00Z")
                .status())
        .isEqualTo(404);
    assertThat(get("auditor", "/api/rule-sets/churn-retention/active?at=monday").status())
        .isEqualTo(400);
    JsonNode logged = get("auditor", "/api/decisions?model=churn-risk&limit=5").json();
    JsonNode ours = null;
    for (JsonNode row : logged) {
      if (row.path("decisionId").asText().equals(decisionId)) {
        ours = row;
      }
    }
    assertThat(ours).isNotNull();
    assertThat(ours.path("ruleSetVersion").asInt()).isEqualTo(1);
    assertThat(ours.path("ruleSetSha256").asText())
        .isEqualTo(versions.get(0).path("sha256").asText());

    // a replay takes it again with the same model and rules, for auditors and risk officers only
    Reply replayed = post("auditor", "/api/decisions/" + decisionId + "/replay", null, new byte[0]);
    assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
    assertThat(replayed.json().path("identical").asBoolean()).isTrue();
    assertThat(post("pm", "/api/decisions/" + decisionId + "/replay", null, new byte[0]).status())
        .isEqualTo(403);
    assertThat(post("auditor", "/api/decisions/dc-nope/replay", null, new byte[0]).status())
        .isEqualTo(404);
    Reply period =
        post(
            "mro",
            "/api/decisions/replay?model=churn-risk&from="
                + from
                + "&to="
                + Instant.now().plusSeconds(1),
            null,
            new byte[0]);
    assertThat(period.status()).as(period.text()).isEqualTo(200);
    assertThat(period.json().path("replayed").asInt()).isPositive();
    assertThat(period.json().path("identical").asInt())
        .isEqualTo(period.json().path("replayed").asInt());
    assertThat(
            post(
                    "mro",
                    "/api/decisions/replay?model=churn-risk&from=yesterday&to=" + Instant.now(),
                    null,
                    new byte[0])
                .status())
        .isEqualTo(400);

    // a new version: refused for a project manager, a 400 naming the line when it does not compile,
    // else a draft
    String drl =
        get("auditor", "/api/rule-sets/churn-retention/versions/1").json().path("drl").asText();
    byte[] changed = drl.replace("0.7", "0.75").getBytes(StandardCharsets.UTF_8);
    assertThat(
            post("pm", "/api/rule-sets/churn-retention/versions", "text/plain", changed).status())
        .isEqualTo(403);
    Reply broken =
        post(
            "ds",
            "/api/rule-sets/churn-retention/versions",
            "text/plain",
            (drl + "\nrule \"broken\"\nwhen\n  NoSuchFact( )\nthen\nend\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().path("detail").asText()).contains("line", "NoSuchFact");
    Reply draft =
        post(
            "ds",
            "/api/rule-sets/churn-retention/versions?note=higher%20bar",
            "text/plain",
            changed);
    assertThat(draft.status()).as(draft.text()).isEqualTo(201);
    assertThat(draft.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.json().path("author").asText()).isEqualTo("ds");
    // a draft decides nothing: the next decision still names version 1
    Reply next =
        postJson("pm", "/api/decisions/churn-risk?ruleSet=churn-retention", churnCustomer(4));
    assertThat(
            post(
                    "auditor",
                    "/api/decisions/" + next.json().path("decisionId").asText() + "/replay",
                    null,
                    new byte[0])
                .json()
                .path("ruleSetVersion")
                .asInt())
        .isEqualTo(1);
    assertThat(get("auditor", "/api/rule-sets/no-such/versions").status()).isEqualTo(404);

    // thresholds kept in a spreadsheet: a Drools decision table (CSV here) becomes a draft's DRL
    Reply table =
        post(
            "ds",
            "/api/rule-sets/credit-decision/versions",
            "text/csv",
            java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../docs/examples/credit-thresholds.csv")));
    assertThat(table.status()).as(table.text()).isEqualTo(201);
    assertThat(table.json().path("note").asText()).isEqualTo("from a decision table (CSV)");
    assertThat(
            get(
                    "auditor",
                    "/api/rule-sets/credit-decision/versions/"
                        + table.json().path("version").asInt())
                .json()
                .path("drl")
                .asText())
        .contains("rule \"A likely default is declined\"", "creditAmount >= 20000");
    assertThat(
            post(
                    "ds",
                    "/api/rule-sets/credit-decision/versions",
                    "text/csv",
                    "just,cells\n".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(400);

    // a draft without scenarios cannot be submitted; one whose scenario fails neither
    int plain = draft.json().path("version").asInt();
    assertThat(
            post(
                    "ds",
                    "/api/rule-sets/churn-retention/versions/" + plain + "/submit",
                    null,
                    new byte[0])
                .status())
        .isEqualTo(400);
    java.util.Map<String, Object> likely =
        java.util.Map.of(
            "name",
            "a customer 72 % likely to leave",
            "given",
            java.util.Map.of(
                "features",
                churnCustomer(3),
                "distribution",
                java.util.Map.of("Yes", 0.72, "No", 0.28)),
            "expectDecision",
            "RETENTION_CALL"); // as version 1 decides; the higher bar does not call at 72 %
    Reply withScenario =
        postJson(
            "ds",
            "/api/rule-sets/churn-retention/versions",
            java.util.Map.of(
                "drl",
                new String(changed, StandardCharsets.UTF_8),
                "note",
                "higher bar, with a scenario",
                "scenarios",
                java.util.List.of(likely)));
    assertThat(withScenario.status()).as(withScenario.text()).isEqualTo(201);
    int tested = withScenario.json().path("version").asInt();
    Reply failing =
        post(
            "ds",
            "/api/rule-sets/churn-retention/versions/" + tested + "/submit",
            null,
            new byte[0]);
    assertThat(failing.status()).isEqualTo(400);
    assertThat(failing.json().path("detail").asText())
        .contains(
            "a customer 72 % likely to leave", "expected" + " RETENTION_CALL, decided NO_ACTION");

    // a draft whose scenarios pass goes to rule-change: its impact, then a model risk officer who
    // may reject it
    String decisionOfRules =
        post("auditor", "/api/decisions/" + decisionId + "/replay", null, new byte[0])
            .json()
            .path("decision")
            .asText();
    java.util.Map<String, Object> passing =
        java.util.Map.of(
            "name",
            "the customer of the first decision",
            "given",
            java.util.Map.of(
                "features", churnCustomer(3), "distribution", ours.path("distribution")),
            "expectDecision",
            decisionOfRules);
    Reply good =
        postJson(
            "ds",
            "/api/rule-sets/churn-retention/versions",
            java.util.Map.of(
                "drl",
                new String(changed, StandardCharsets.UTF_8),
                "scenarios",
                java.util.List.of(passing)));
    int released = good.json().path("version").asInt();
    assertThat(
            post(
                    "pm",
                    "/api/rule-sets/churn-retention/versions/" + released + "/submit",
                    null,
                    new byte[0])
                .status())
        .isEqualTo(403);
    Reply submitted =
        post(
            "ds",
            "/api/rule-sets/churn-retention/versions/" + released + "/submit",
            null,
            new byte[0]);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    String key = submitted.json().path("businessKey").asText();
    assertThat(key).isEqualTo("rules:churn-retention:v" + released);
    assertThat(
            post(
                    "ds",
                    "/api/rule-sets/churn-retention/versions/" + released + "/submit",
                    null,
                    new byte[0])
                .status())
        .isEqualTo(409);
    waitFor(
        "Approve rule change",
        Duration.ofMinutes(1),
        () -> taskId("mro", key, "Task_ApproveRuleChange") != null);
    String approval = taskId("mro", key, "Task_ApproveRuleChange");
    assertThat(
            get("mro", "/engine-rest/task/" + approval + "/form-variables")
                .json()
                .at("/ruleImpactSummary/value")
                .asText())
        .startsWith("Of the last ");
    assertThat(completeTask("mro", approval, java.util.Map.of("approved", false)).status())
        .isEqualTo(400);
    Reply rejected =
        completeTask(
            "mro",
            approval,
            java.util.Map.of(
                "approved", false, "approvalReason", "the retention budget does not allow it"));
    assertThat(rejected.status()).as(rejected.text()).isEqualTo(204);
    JsonNode after = get("auditor", "/api/rule-sets/churn-retention/versions").json();
    assertThat(after.get(released - 1).path("status").asText()).isEqualTo("REJECTED");
    assertThat(after.get(0).path("status").asText()).isEqualTo("ACTIVE");
  }
}
