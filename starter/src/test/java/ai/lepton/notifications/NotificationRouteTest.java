package ai.lepton.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification route on a real Camel context: to Camel's mock, to a real folder, and past a
 * broken endpoint.
 */
class NotificationRouteTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  static Notification approvalNeeded() {
    return new Notification(
        "a1b2c3d4",
        NotificationType.APPROVAL_NEEDED,
        "2026-12-02T09:15:30.123Z",
        "ENG-2026-014",
        "pi-1",
        "Northwind Telecom",
        "Churn risk",
        "The champion awaits approval",
        List.of("model-risk-officers"),
        List.of(),
        List.of("mro@bank.example", "risk@bank.example"),
        "http://lepton.example/camunda/app/tasklist/default/#/?task=t-1",
        Map.of("taskId", "t-1"));
  }

  @Test
  void aNotificationReachesTheEndpointAsJsonWithSubjectRecipientsAndAFileName() throws Exception {
    try (CamelContext camel =
        started(new NotificationRoute("mock:notifications", "file:" + folder))) {
      MockEndpoint mock = camel.getEndpoint("mock:notifications", MockEndpoint.class);
      mock.expectedMessageCount(1);
      mock.expectedHeaderReceived(
          "Subject", "A model awaits your approval: ENG-2026-014 (Northwind Telecom)");
      mock.expectedHeaderReceived("To", "mro@bank.example,risk@bank.example");
      mock.expectedHeaderReceived(
          Exchange.FILE_NAME, "20261202T091530123Z-APPROVAL_NEEDED-ENG-2026-014-a1b2c3d4.json");
      mock.expectedHeaderReceived(Exchange.CONTENT_TYPE, "application/json");
      new NotificationOutbox(camel.createProducerTemplate(), JSON).send(approvalNeeded());
      mock.assertIsSatisfied();
      JsonNode body =
          JSON.readTree(mock.getReceivedExchanges().get(0).getMessage().getBody(String.class));
      assertThat(body.path("type").asText()).isEqualTo("APPROVAL_NEEDED");
      assertThat(body.path("engagementId").asText()).isEqualTo("ENG-2026-014");
      assertThat(body.path("link").asText()).contains("?task=t-1");
      assertThat(body.path("toGroups").get(0).asText()).isEqualTo("model-risk-officers");
    }
  }

  @Test
  void theDefaultFolderGetsOneFilePerNotification() throws Exception {
    Path outbox = folder.resolve("outbox");
    try (CamelContext camel =
        started(new NotificationRoute("file:" + outbox, "file:" + folder.resolve("lost")))) {
      new NotificationOutbox(camel.createProducerTemplate(), JSON).send(approvalNeeded());
    }
    Path file = outbox.resolve("20261202T091530123Z-APPROVAL_NEEDED-ENG-2026-014-a1b2c3d4.json");
    assertThat(file).exists();
    assertThat(JSON.readTree(file.toFile()).path("what").asText())
        .isEqualTo("The champion awaits approval");
  }

  @Test
  void aWebhookReceivesTheNotificationAsAJsonPost() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    webhook.createContext(
        "/hooks/lepton",
        exchange -> {
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
    try (CamelContext camel =
        started(
            new NotificationRoute(
                "http://localhost:" + webhook.getAddress().getPort() + "/hooks/lepton",
                "file:" + folder.resolve("lost")))) {
      new NotificationOutbox(camel.createProducerTemplate(), JSON).send(approvalNeeded());
    } finally {
      webhook.stop(0);
    }
    assertThat(received)
        .singleElement()
        .satisfies(
            call ->
                assertThat(call)
                    .startsWith("POST application/json")
                    .contains("\"engagementId\":\"ENG-2026-014\"")
                    .contains("\"type\":\"APPROVAL_NEEDED\""));
    assertThat(folder.resolve("lost")).doesNotExist();
  }

  @Test
  void aNotificationTheEndpointKeepsRefusingLandsUnchangedInTheUndeliveredFolder()
      throws Exception {
    Path undelivered = folder.resolve("undelivered");
    RouteBuilder brokenWebhook =
        new RouteBuilder() {
          @Override
          public void configure() {
            errorHandler(
                noErrorHandler()); // fails as an HTTP producer fails: back to the notification
            // route
            from("direct:webhook")
                .throwException(new IllegalStateException("503 from the webhook"));
          }
        };
    try (CamelContext camel =
        started(new NotificationRoute("direct:webhook", "file:" + undelivered), brokenWebhook)) {
      new NotificationOutbox(camel.createProducerTemplate(), JSON).send(approvalNeeded());
    }
    try (Stream<Path> files = Files.list(undelivered)) {
      List<Path> kept = files.toList();
      assertThat(kept).hasSize(1);
      assertThat(JSON.readTree(kept.get(0).toFile()).path("engagementId").asText())
          .isEqualTo("ENG-2026-014");
    }
  }

  private static CamelContext started(RouteBuilder... routes) throws Exception {
    CamelContext camel = new DefaultCamelContext();
    for (RouteBuilder route : routes) {
      camel.addRoutes(route);
    }
    camel.start();
    return camel;
  }
}
