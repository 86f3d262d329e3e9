package ai.lepton.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lepton: the Camunda 7 engine with Cockpit, Tasklist, Admin and REST, Lepton's processes, delegates and API. */
@SpringBootApplication(scanBasePackages = "ai.lepton")
public class LeptonApplication {

  public static void main(String[] args) {
    SpringApplication.run(LeptonApplication.class, args);
  }
}
