package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Camunda's operator powers over HTTP, tried by project managers and data scientists on an
 * engagement whose model is live (the demo's ENG-DEMO-CHURN-RISK): each call is a 403, audited, and
 * the record reads back equal — model statuses, the instance's variables, its jobs, its state.
 * Administrators may, and each act is audited.
 */
class EngineOperatorRightsTest extends HttpTestSupport {

  private static final String ENGAGEMENT = "ENG-DEMO-CHURN-RISK";

  /**
   * One forbidden call: its name, and how to make it against the engagement (instance id, a job
   * id).
   */
  record Attack(String name, Function<Target, String[]> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Target(String instanceId, String definitionId, String jobId, String otherModel) {}

  String instanceId;

  @BeforeEach
  void engagementInMaintenance() {
    waitFor(
        "the demo churn engagement in maintenance",
        Duration.ofMinutes(3),
        () ->
            get("demo", "/api/engagements/" + ENGAGEMENT)
                .json()
                .path("currentSteps")
                .toString()
                .contains("Gateway_NextCheck"));
    instanceId =
        get("demo", "/engine-rest/process-instance?businessKey=" + ENGAGEMENT)
            .json()
            .get(0)
            .path("id")
            .asText();
  }

  static List<Attack> attacks() {
    return List.of(
        new Attack(
            "set a variable (swap the model)",
            t ->
                new String[] {
                  "PUT",
                  "/engine-rest/process-instance/" + t.instanceId() + "/variables/modelVersionId",
                  "{\"value\": \"" + t.otherModel() + "\", \"type\": \"String\"}"
                }),
        new Attack(
            "clear the personal-data columns",
            t ->
                new String[] {
                  "PUT",
                  "/engine-rest/process-instance/" + t.instanceId() + "/variables/piiColumns",
                  "{\"value\": \"\", \"type\": \"String\"}"
                }),
        new Attack(
            "modify variables in bulk",
            t ->
                new String[] {
                  "POST",
                  "/engine-rest/process-instance/" + t.instanceId() + "/variables",
                  "{\"modifications\": {\"rollbackConfirmedBy\": {\"value\": \"mro\"}}}"
                }),
        new Attack(
            "delete a variable",
            t ->
                new String[] {
                  "DELETE",
                  "/engine-rest/process-instance/" + t.instanceId() + "/variables/modelVersionId",
                  null
                }),
        new Attack(
            "start the rollback by modification",
            t ->
                new String[] {
                  "POST",
                  "/engine-rest/process-instance/" + t.instanceId() + "/modification",
                  "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_RollBackModel\"}]}"
                }),
        new Attack(
            "suspend every engagement",
            t ->
                new String[] {
                  "PUT",
                  "/engine-rest/process-instance/suspended",
                  "{\"processDefinitionKey\": \"ai-engagement\", \"suspended\": true}"
                }),
        new Attack(
            "suspend this engagement",
            t ->
                new String[] {
                  "PUT",
                  "/engine-rest/process-instance/" + t.instanceId() + "/suspended",
                  "{\"suspended\": true}"
                }),
        new Attack(
            "delete the engagement",
            t -> new String[] {"DELETE", "/engine-rest/process-instance/" + t.instanceId(), null}),
        new Attack(
            "close it by message",
            t ->
                new String[] {
                  "POST",
                  "/engine-rest/message",
                  "{\"messageName\": \"EngagementClosed\", \"businessKey\": \""
                      + ENGAGEMENT
                      + "\","
                      + " \"processVariables\": {\"closedBy\": {\"value\": \"pm\"}}}"
                }),
        new Attack(
            "send monitoring data by message",
            t ->
                new String[] {
                  "POST",
                  "/engine-rest/message",
                  "{\"messageName\": \"MonitoringDataReceived\", \"businessKey\": \""
                      + ENGAGEMENT
                      + "\"}"
                }),
        new Attack(
            "silence the monitoring timer (retries 0)",
            t ->
                new String[] {
                  "PUT", "/engine-rest/job/" + t.jobId() + "/retries", "{\"retries\": 0}"
                }),
        new Attack(
            "push the monitoring timer to 2099",
            t ->
                new String[] {
                  "PUT",
                  "/engine-rest/job/" + t.jobId() + "/duedate",
                  "{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}"
                }),
        new Attack(
            "suspend the monitoring job",
            t ->
                new String[] {
                  "PUT", "/engine-rest/job/" + t.jobId() + "/suspended", "{\"suspended\": true}"
                }),
        new Attack(
            "start an engagement at the rollback, listeners skipped",
            t ->
                new String[] {
                  "POST",
                  "/engine-rest/process-definition/key/ai-engagement/start",
                  "{\"businessKey\": \"ENG-FORGED-ROLLBACK\", \"skipCustomListeners\": true,"
                      + " \"variables\": {\"rollbackConfirmedBy\": {\"value\": \"mro\"},"
                      + " \"modelVersionId\": {\"value\": \""
                      + t.otherModel()
                      + "\"}},"
                      + " \"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_RollBackModel\"}]}"
                }),
        new Attack(
            "restart an instance part-way",
            t ->
                new String[] {
                  "POST",
                  "/engine-rest/process-definition/" + t.definitionId() + "/restart",
                  "{\"processInstanceIds\": [\""
                      + t.instanceId()
                      + "\"],"
                      + " \"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_RollBackModel\"}]}"
                }),
        new Attack(
            "migrate the instance",
            t ->
                new String[] {
                  "POST",
                  "/engine-rest/migration/execute",
                  "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \""
                      + t.definitionId()
                      + "\","
                      + " \"targetProcessDefinitionId\": \""
                      + t.definitionId()
                      + "\", \"instructions\": []},"
                      + " \"processInstanceIds\": [\""
                      + t.instanceId()
                      + "\"]}"
                }));
  }

  static List<Object[]> attacksByGroup() {
    List<Object[]> cases = new ArrayList<>();
    for (String user : List.of("pm", "ds")) {
      attacks().forEach(attack -> cases.add(new Object[] {user, attack}));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("attacksByGroup")
  void projectManagersAndDataScientistsAreRefusedAndTheRecordStaysAsItWas(
      String user, Attack attack) {
    Target target = target();
    String before = record(target);
    long refusalsBefore = refusalsOf(user);

    String[] call = attack.call().apply(target);
    Reply reply =
        switch (call[0]) {
          case "PUT" -> putJson(user, call[1], readJson(call[2]));
          case "DELETE" -> delete(user, call[1]);
          default -> postJson(user, call[1], readJson(call[2]));
        };

    assertThat(reply.status()).as(attack.name() + ": " + reply.text()).isEqualTo(403);
    assertThat(record(target)).as("the record after " + attack.name()).isEqualTo(before);
    assertThat(refusalsOf(user)).as("refusals of " + user).isEqualTo(refusalsBefore + 1);
    assertThat(get("auditor", "/api/audit/verify").json().path("valid").asBoolean()).isTrue();
  }

  @Test
  void anAdministratorsActOnAnEngagementIsAudited() {
    String key = "ENG-OPERATOR-" + System.nanoTime();
    String id = startEngagement("pm", key);
    long before = operatorActs(key);

    assertThat(
            putJson(
                    "demo",
                    "/engine-rest/process-instance/" + id + "/variables/client",
                    Map.of("value", "Renamed Bank", "type", "String"))
                .status())
        .isEqualTo(204);

    assertThat(operatorActs(key)).isEqualTo(before + 1);
    JsonNode entry = lastOperatorAct(key);
    assertThat(entry.path("actor").asText()).isEqualTo("demo");
    assertThat(entry.path("payload").path("operation").asText()).isEqualTo("SetVariable");
    assertThat(entry.path("subjectId").asText()).isEqualTo(id);
  }

  @Test
  void anAdministratorsRollbackWithoutAConfirmationBecomesAnIncidentAndProductionStays() {
    Target target = target();
    String statuses =
        get("demo", "/api/models?engagement=" + ENGAGEMENT).json().findValues("status").toString();
    long actsBefore = operatorActs(ENGAGEMENT);

    Reply forced =
        postJson(
            "demo",
            "/engine-rest/process-instance/" + target.instanceId() + "/modification",
            readJson(
                "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_RollBackModel\"}]}"));

    // The engine accepts the administrator's act (audited); the rollback itself runs as a job and,
    // with no risk
    // officer's confirmation on record, fails into an incident a project manager sees in Cockpit
    assertThat(forced.status()).as(forced.text()).isEqualTo(204);
    assertThat(operatorActs(ENGAGEMENT)).isGreaterThan(actsBefore);
    String incidents =
        "/engine-rest/incident?processInstanceId="
            + target.instanceId()
            + "&activityId=Task_RollBackModel";
    waitFor(
        "an incident on the forced rollback",
        Duration.ofMinutes(1),
        () -> get("demo", incidents).json().size() > 0);
    assertThat(get("demo", incidents).json().get(0).path("incidentMessage").asText())
        .contains("no model risk officer's confirmation");
    assertThat(
            get("demo", "/api/models?engagement=" + ENGAGEMENT)
                .json()
                .findValues("status")
                .toString())
        .isEqualTo(statuses);
    assertThat(get("auditor", "/api/audit/verify").json().path("valid").asBoolean()).isTrue();

    // The administrator takes the stray token away again; the engagement goes on monitoring
    assertThat(
            postJson(
                    "demo",
                    "/engine-rest/process-instance/" + target.instanceId() + "/modification",
                    readJson(
                        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_RollBackModel\"}]}"))
                .status())
        .isEqualTo(204);
    assertThat(get("demo", incidents).json().size()).isZero();
    assertThat(get("demo", "/api/engagements/" + ENGAGEMENT).json().path("currentSteps").toString())
        .contains("Gateway_NextCheck");
  }

  private Target target() {
    JsonNode instance = get("demo", "/engine-rest/process-instance/" + instanceId).json();
    JsonNode job = get("demo", "/engine-rest/job?processInstanceId=" + instanceId).json().get(0);
    String other =
        get("demo", "/api/models?engagement=ENG-DEMO-CREDIT-RISK")
            .json()
            .get(0)
            .path("modelVersionId")
            .asText();
    return new Target(
        instanceId, instance.path("definitionId").asText(), job.path("id").asText(), other);
  }

  /**
   * What must not change: the instance's state, variables and jobs, and the engagement's model
   * statuses.
   */
  private String record(Target target) {
    return get("demo", "/engine-rest/process-instance/" + target.instanceId()).text()
        + get(
                "demo",
                "/engine-rest/process-instance/"
                    + target.instanceId()
                    + "/variables?deserializeValues=false")
            .text()
        + get("demo", "/engine-rest/job?processInstanceId=" + target.instanceId()).text()
        + get(
                "demo",
                "/engine-rest/process-instance?processDefinitionKey=ai-engagement&suspended=true")
            .text()
        + get("demo", "/engine-rest/process-instance?businessKey=ENG-FORGED-ROLLBACK").text()
        + get("demo", "/api/models?engagement=" + ENGAGEMENT).json().findValues("status")
        + get("demo", "/api/models?engagement=ENG-DEMO-CREDIT-RISK").json().findValues("status");
  }

  private long refusalsOf(String user) {
    long count = 0;
    for (JsonNode entry : auditEntries()) {
      if (entry.path("type").asText().equals("AUTHORIZATION_REFUSED")
          && entry.path("actor").asText().equals(user)) {
        count++;
      }
    }
    return count;
  }

  private long operatorActs(String key) {
    long count = 0;
    for (JsonNode entry : auditEntries()) {
      if (entry.path("type").asText().equals("OPERATOR_ACT")
          && key.equals(entry.path("payload").path("engagement").asText())) {
        count++;
      }
    }
    return count;
  }

  private JsonNode lastOperatorAct(String key) {
    JsonNode last = null;
    for (JsonNode entry : auditEntries()) {
      if (entry.path("type").asText().equals("OPERATOR_ACT")
          && key.equals(entry.path("payload").path("engagement").asText())) {
        last = entry;
      }
    }
    return last;
  }

  private static Object readJson(String text) {
    try {
      return text == null ? Map.of() : JSON.readValue(text, Object.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
