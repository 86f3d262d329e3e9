package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Machines log in with a token of the configured issuer (the test context trusts {@code
 * jwt/test-issuer.pub}): the token's user must be a Lepton user, and what it may do comes from that
 * user's groups in Camunda, not the token.
 */
class BearerTokensOverHttpTest extends HttpTestSupport {

  private static final String DECIDE = "/api/decisions/churn-risk?ruleSet=churn-retention";

  @Test
  void aTokenOfTheIssuerActsAsItsUserWithTheUsersRightsOnly() throws Exception {
    waitFor(
        "the demo churn model",
        Duration.ofMinutes(3),
        () -> get("pm", "/api/models/live?name=churn-risk&at=" + Instant.now()).status() == 200);
    byte[] customer = Files.readAllBytes(Path.of("../docs/examples/churn-customer.json"));

    HttpResponse<String> decided =
        call(
            token("test-issuer", "pm", Instant.now().plusSeconds(300), List.of()),
            "POST",
            DECIDE,
            customer);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(decided.body()).contains("\"decisionId\":\"dc-");

    // the groups are Camunda's: an auditor's token may not decide, a token claiming administrators
    // changes nothing
    assertThat(
            call(
                    token("test-issuer", "auditor", Instant.now().plusSeconds(300), List.of()),
                    "POST",
                    DECIDE,
                    customer)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            call(
                    token(
                        "test-issuer",
                        "pm",
                        Instant.now().plusSeconds(300),
                        List.of("camunda-admin")),
                    "GET",
                    "/actuator/prometheus",
                    null)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void tokensLeptonCannotTrustAreRefusedWith401() throws Exception {
    byte[] customer = Files.readAllBytes(Path.of("../docs/examples/churn-customer.json"));
    Instant later = Instant.now().plusSeconds(300);

    HttpResponse<String> otherIssuer =
        call(token("another-issuer", "pm", later, List.of()), "POST", DECIDE, customer);
    assertThat(otherIssuer.statusCode()).isEqualTo(401);
    assertThat(otherIssuer.body()).contains("\"error\":\"Unauthorized\"");
    assertThat(
            call(
                    token("test-issuer", "pm", Instant.now().minusSeconds(600), List.of()),
                    "POST",
                    DECIDE,
                    customer)
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> stranger =
        call(token("test-issuer", "nobody-here", later, List.of()), "POST", DECIDE, customer);
    assertThat(stranger.statusCode()).isEqualTo(401);
    assertThat(stranger.body()).contains("not a Lepton user");
    assertThat(call("not.a.token", "GET", "/api/models", null).statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> call(String token, String method, String path, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(
      String issuerKey, String subject, Instant expires, List<String> groups)
      throws IOException, GeneralSecurityException, JOSEException {
    String pem =
        Files.readString(
                Path.of("src/test/resources/jwt/" + issuerKey + ".key"), StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("https://issuer.example")
                .claim("groups", groups)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
