package ai.lepton.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Lepton as a standalone installation: the Camunda 7 engine with Cockpit, Tasklist, Admin and its
 * REST API, Lepton itself by its starter's auto-configuration (processes, delegates, rule sets,
 * routes, stores, API), and what a standalone installation adds here: the login, the demo users and
 * engagements, the start-up banner.
 */
@SpringBootApplication
public class LeptonApplication {

  public static void main(String[] args) {
    SpringApplication.run(LeptonApplication.class, args);
  }
}
