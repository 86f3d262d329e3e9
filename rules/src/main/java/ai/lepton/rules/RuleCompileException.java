package ai.lepton.rules;

import java.util.List;

/** A DRL that does not compile: Drools' messages, each naming its line. */
public class RuleCompileException extends IllegalArgumentException {

  private final List<String> errors;

  public RuleCompileException(String ruleSet, List<String> errors) {
    super("The rules of '" + ruleSet + "' do not compile: " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
