package ai.lepton.rules;

import java.util.List;

/** No rule set has this name. */
public class UnknownRuleSetException extends RuntimeException {

  public UnknownRuleSetException(String name, List<String> known) {
    super("No rule set named '" + name + "'; Lepton has: " + String.join(", ", known));
  }
}
