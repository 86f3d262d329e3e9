package example.loans;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bank's loan processes on Camunda 7. Lepton arrives with its starter alone: nothing here names
 * it.
 */
@SpringBootApplication
public class LoanApplication {

  public static void main(String[] args) {
    SpringApplication.run(LoanApplication.class, args);
  }
}
