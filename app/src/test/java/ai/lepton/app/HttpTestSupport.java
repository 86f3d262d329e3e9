package ai.lepton.app;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Lepton started as a user starts it (demo users, job executor on, meters exported as the jar
 * exports them), driven over HTTP. Subclasses share one context.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:http-test;DB_CLOSE_DELAY=-1",
      "lepton.data-dir=target/http-test-data",
      "lepton.demo.enabled=true",
      "lepton.ingest.max-size=5MB",
      // a challenger's trial over HTTP in seconds, not the default 200 decisions and an hour
      // between looks
      "lepton.challenger.min-decisions=30",
      "lepton.challenger.look-every=PT2S",
      // decision files: churn-risk's folder is decided as pm; credit-risk's as the auditor, who may
      // not decide
      "lepton.decisions.file-drop.accounts.churn-risk=pm",
      "lepton.decisions.file-drop.accounts.credit-risk=auditor",
      "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-issuer.pub"
    })
abstract class HttpTestSupport extends HttpCalls {

  @LocalServerPort int port;

  @Override
  int port() {
    return port;
  }
}
