package example.loans;

import ai.lepton.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bank's own step: an offered loan goes into its loan book (its own table, by its own Flyway
 * migration).
 */
@Component("bookLoan")
public class BookLoan implements JavaDelegate {

  private final JdbcTemplate jdbc;

  public BookLoan(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    jdbc.update(
        "insert into loan_book (application_id, decision, decision_id) values (?, ?, ?)",
        execution.getBusinessKey(),
        execution.getVariable("loanDecision"),
        execution.getVariable(ProcessVariables.DECISION_ID));
  }
}
