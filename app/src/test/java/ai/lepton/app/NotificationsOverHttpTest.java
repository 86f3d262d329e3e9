package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Notifications as the app sends them by default (JSON files in the data directory's outbox), from
 * what the demo's engagements did on start: an approval asked of the model risk officers, approvals
 * and deployments told to the project manager who opened each engagement.
 */
class NotificationsOverHttpTest extends HttpTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path OUTBOX = Path.of("target/http-test-data/outbox/notifications");

  @Test
  void theDemoEngagementsToldTheRightPeopleWhatTheyNeed() {
    String credit = instanceOf("ENG-DEMO-CREDIT");
    String churn = instanceOf("ENG-DEMO-CHURN-RISK");
    waitFor(
        "the demo's notifications",
        Duration.ofMinutes(3),
        () ->
            of(credit, "APPROVAL_NEEDED").size() == 1
                && of(churn, "MODEL_APPROVED").size() == 1
                && of(churn, "MODEL_DEPLOYED").size() == 1);

    JsonNode approval = of(credit, "APPROVAL_NEEDED").get(0);
    assertThat(approval.path("engagementId").asText()).isEqualTo("ENG-DEMO-CREDIT");
    assertThat(approval.path("client").asText()).isEqualTo("Demo Bank");
    assertThat(approval.path("toGroups").toString()).contains("model-risk-officers");
    String task =
        get("mro", "/engine-rest/task?processInstanceId=" + credit).json().at("/0/id").asText();
    assertThat(approval.path("link").asText())
        .endsWith("/camunda/app/tasklist/default/#/?task=" + task);

    JsonNode approved = of(churn, "MODEL_APPROVED").get(0);
    assertThat(approved.path("toUsers").toString()).contains("\"pm\"");
    assertThat(approved.path("what").asText()).contains("approved by mro");
    assertThat(approved.path("link").asText())
        .contains("/api/models/" + approved.at("/details/modelVersionId").asText() + "/card");
    JsonNode deployed = of(churn, "MODEL_DEPLOYED").get(0);
    assertThat(deployed.path("what").asText()).contains("is live as 'churn-risk'");
  }

  private String instanceOf(String engagement) {
    waitFor(
        engagement + " started",
        Duration.ofMinutes(2),
        () -> get("pm", "/api/engagements/" + engagement).status() == 200);
    return get("pm", "/api/engagements/" + engagement).json().path("processInstanceId").asText();
  }

  /**
   * This run's notifications of one type for one process instance (files of earlier runs name other
   * instances).
   */
  private static List<JsonNode> of(String processInstanceId, String type) {
    if (!Files.isDirectory(OUTBOX)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(OUTBOX)) {
      return files
          .filter(f -> f.getFileName().toString().contains("-" + type + "-"))
          .map(
              f -> {
                try {
                  return JSON.readTree(f.toFile());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .filter(n -> n.path("processInstanceId").asText().equals(processInstanceId))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
