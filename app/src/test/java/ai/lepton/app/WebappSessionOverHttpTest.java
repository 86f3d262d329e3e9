package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lepton's Cockpit plugin reads Lepton's API as the user logged into Camunda's webapps, as a
 * browser does it: the session cookie of the webapps' login plus the session's CSRF token. Only
 * reads, only with the token, only the user's own rights, and without disturbing the webapps'
 * session.
 */
class WebappSessionOverHttpTest extends HttpTestSupport {

  /** A browser: cookies kept, the webapps' login form posted. */
  private final class Browser {
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    Browser loggedInAs(String user) throws Exception {
      return loggedInAs(user, "cockpit");
    }

    Browser loggedInAs(String user, String app) throws Exception {
      assertThat(
              send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET(), null)
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<String> login =
          send(
              HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=" + user + "&password=" + user)),
              token());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // the webapps hand out the session's token on their next call, as Cockpit makes it right
      // after the login
      assertThat(camundaCall()).isEqualTo(200);
      return this;
    }

    int camundaCall() throws Exception {
      return send(
              HttpRequest.newBuilder(
                      uri("/camunda/api/engine/engine/default/process-definition/count"))
                  .GET(),
              token())
          .statusCode();
    }

    String token() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }

    String sessionId() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("JSESSIONID"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElseThrow();
    }

    HttpResponse<String> read(String path, String token) throws Exception {
      return send(
          HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET(), token);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String token)
        throws IOException, InterruptedException {
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return client.send(
          request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aProjectManagerLoggedIntoCockpitReadsTheEngagementsWithTheSessionsToken() throws Exception {
    Browser pm = new Browser().loggedInAs("pm");
    String session = pm.sessionId();

    HttpResponse<String> list = pm.read("/api/engagements", pm.token());
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode page = JSON.readTree(list.body());
    assertThat(page.path("engagements").findValuesAsText("engagementId"))
        .contains("ENG-DEMO-CHURN-RISK");

    // the webapps' login is untouched: same session, Camunda's own API still answers it
    assertThat(pm.sessionId()).isEqualTo(session);
    assertThat(pm.camundaCall()).isEqualTo(200);

    // the model card and the engagement's record read the same way; the audit trail stays with its
    // readers
    assertThat(pm.read("/api/engagements/ENG-DEMO-CHURN-RISK", pm.token()).statusCode())
        .isEqualTo(200);
    assertThat(pm.read("/api/audit/engagements/ENG-DEMO-CHURN-RISK", pm.token()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void withoutTheSessionsTokenOrForAnythingButAReadTheSessionIsNoLogin() throws Exception {
    Browser pm = new Browser().loggedInAs("pm");
    assertThat(pm.read("/api/engagements", null).statusCode())
        .as("a page of another site sends no token")
        .isEqualTo(401);
    assertThat(pm.read("/api/engagements", "0123456789ABCDEF0123456789ABCDEF").statusCode())
        .isEqualTo(401);

    long before = JSON.readTree(get("pm", "/api/engagements").text()).path("total").asLong();
    HttpResponse<String> open =
        pm.send(
            HttpRequest.newBuilder(pm.uri("/api/engagements"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"engagementId\":\"ENG-BY-SESSION\",\"client\":\"X\",\"engagementName\":\"by a session\"}")),
            pm.token());
    assertThat(open.statusCode()).as("a session never changes anything").isEqualTo(401);
    assertThat(JSON.readTree(get("pm", "/api/engagements").text()).path("total").asLong())
        .isEqualTo(before);
  }

  @Test
  void eachUserReadsWithItsOwnRightsAndNotAfterLoggingOut() throws Exception {
    Browser auditor = new Browser().loggedInAs("auditor");
    assertThat(
            auditor
                .read("/api/audit/engagements/ENG-DEMO-CHURN-RISK", auditor.token())
                .statusCode())
        .isEqualTo(200);

    Browser creditOfficer = new Browser().loggedInAs("co", "tasklist"); // Cockpit refuses them
    HttpResponse<String> none = creditOfficer.read("/api/engagements", creditOfficer.token());
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(none.body()).path("total").asInt())
        .as("a credit officer sees no engagement")
        .isZero();
    assertThat(
            creditOfficer
                .read("/api/audit/engagements/ENG-DEMO-CHURN-RISK", creditOfficer.token())
                .statusCode())
        .isEqualTo(403);

    String token = auditor.token();
    assertThat(
            auditor
                .send(
                    HttpRequest.newBuilder(
                            auditor.uri("/camunda/api/admin/auth/user/default/logout"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                    token)
                .statusCode())
        .isEqualTo(200);
    assertThat(auditor.read("/api/engagements", token).statusCode()).isEqualTo(401);
  }
}
