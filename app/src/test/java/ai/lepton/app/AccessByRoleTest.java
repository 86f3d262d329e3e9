package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * What each group may do over HTTP, against the running app with its demo users: 401 without a
 * login, 403 for a role that may not, 2xx for one that may. (Approval rights are tested on the
 * process itself.)
 */
class AccessByRoleTest extends HttpTestSupport {

  @Autowired ApplicationContext context;

  @Test
  void withoutALoginOnlyTheHealthEndpointAnswers() {
    assertThat(get(null, "/health").status()).isEqualTo(200);
    assertThat(get(null, "/health").json().path("status").asText()).isEqualTo("UP");
    for (String path :
        new String[] {
          "/api/models",
          "/api/audit",
          "/api/decisions?model=credit-risk",
          "/engine-rest/process-definition",
          "/engine-rest/task",
          "/engine-rest/history/process-instance"
        }) {
      assertThat(get(null, path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void theHealthEndpointSaysStartingUntilTheStartUpWorkIsDone() {
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      assertThat(get(null, "/health").status()).isEqualTo(503);
      assertThat(get(null, "/health").json().path("status").asText()).isEqualTo("STARTING");
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(get(null, "/health").status()).isEqualTo(200);
  }

  @Test
  void auditorsReadEverythingAndChangeNothing() {
    assertThat(get("auditor", "/api/element-templates").json().findValuesAsText("id"))
        .contains("ai.lepton.model-decision", "ai.lepton.score-record", "ai.lepton.send-dataset");
    assertThat(get("auditor", "/api/models").status()).isEqualTo(200);
    assertThat(get("auditor", "/api/audit/verify").status()).isEqualTo(200);
    assertThat(
            get(
                    "auditor",
                    "/engine-rest/history/process-instance?processDefinitionKey=ai-engagement")
                .json()
                .size())
        .isPositive();
    assertThat(start("auditor", "ai-engagement", "ENG-ROLE-AUDITOR")).isEqualTo(403);
    assertThat(
            postJson(
                    "auditor",
                    "/api/engagements",
                    Map.of("engagementId", "ENG-ROLE-A2", "client", "X", "engagementName", "Y"))
                .status())
        .isEqualTo(403);
    assertThat(
            post(
                    "auditor",
                    "/api/engagements/ENG-DEMO-CREDIT/datasets",
                    "text/csv",
                    "a,b\n1,2\n".getBytes())
                .status())
        .isEqualTo(403);

    waitFor(
        "the demo engagement's approval task",
        java.time.Duration.ofMinutes(2),
        () ->
            get("auditor", "/engine-rest/task?processInstanceBusinessKey=ENG-DEMO-CREDIT")
                    .json()
                    .size()
                > 0);
    String task =
        get("auditor", "/engine-rest/task?processInstanceBusinessKey=ENG-DEMO-CREDIT")
            .json()
            .get(0)
            .path("id")
            .asText();
    assertThat(
            postJson(
                    "auditor",
                    "/engine-rest/task/" + task + "/complete",
                    Map.of("variables", Map.of()))
                .status())
        .isEqualTo(403);

    // And each refusal is in the audit trail
    java.util.List<String> refusals = new java.util.ArrayList<>();
    get("auditor", "/api/audit?limit=1000")
        .json()
        .forEach(
            entry -> {
              if (entry.path("type").asText().equals("AUTHORIZATION_REFUSED")
                  && entry.path("actor").asText().equals("auditor")) {
                refusals.add(
                    entry.path("subjectType").asText() + " " + entry.path("subjectId").asText());
              }
            });
    assertThat(refusals)
        .contains(
            "engine StartProcessInstanceCmd",
            "engagement ENG-DEMO-CREDIT",
            "engine CompleteTaskCmd");
  }

  @Test
  void projectManagersStartEngagementsButReadNoAuditTrail() {
    assertThat(start("pm", "ai-engagement", "ENG-ROLE-PM")).isEqualTo(200);
    assertThat(get("pm", "/engine-rest/process-instance?businessKey=ENG-DEMO-CREDIT").json().size())
        .isOne();
    assertThat(get("pm", "/api/audit").status()).isEqualTo(403);
    // nor deploy process models to the engine
    assertThat(
            post(
                    "pm",
                    "/engine-rest/deployment/create",
                    "multipart/form-data; boundary=x",
                    ("--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsneaky\r\n"
                            + "--x\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sneaky.bpmn\"\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n"
                            + org.camunda.bpm.model.bpmn.Bpmn.convertToString(
                                org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("sneaky")
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .endEvent()
                                    .done())
                            + "\r\n--x--\r\n")
                        .getBytes())
                .status())
        .isEqualTo(403);
  }

  @Test
  void modelRiskOfficersReadAndAuditButNeitherStartNorSendData() {
    assertThat(get("mro", "/api/audit/verify").status()).isEqualTo(200);
    assertThat(start("mro", "ai-engagement", "ENG-ROLE-MRO")).isEqualTo(403);
    assertThat(
            post(
                    "mro",
                    "/api/engagements/ENG-DEMO-CREDIT/datasets",
                    "text/csv",
                    "a,b\n1,2\n".getBytes())
                .status())
        .isEqualTo(403);
  }

  @Test
  void dataScientistsWorkEngagementsButReadNoAuditTrail() {
    assertThat(start("ds", "ai-engagement", "ENG-ROLE-DS")).isEqualTo(200);
    assertThat(get("ds", "/api/audit/verify").status()).isEqualTo(403);
  }

  private int start(String user, String key, String businessKey) {
    return postJson(
            user,
            "/engine-rest/process-definition/key/" + key + "/start",
            Map.of(
                "businessKey",
                businessKey,
                "variables",
                Map.of(
                    "client",
                    Map.of("value", "Role Bank"),
                    "engagementName",
                    Map.of("value", "Roles"),
                    "engagementId",
                    Map.of("value", businessKey))))
        .status();
  }
}
