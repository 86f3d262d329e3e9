package ai.lepton.ml.delegate;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the process variables at Lepton's seams, failing with the variable's name when one is
 * missing.
 */
public final class RequiredVariables {

  private RequiredVariables() {}

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new MissingVariableException(name);
    }
    return value.toString().strip();
  }

  public static int integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new MissingVariableException(name);
    }
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Process variable '" + name + "' must be a whole number, not '" + value + "'");
    }
  }

  public static double number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new MissingVariableException(name);
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Process variable '" + name + "' must be a number, not '" + value + "'");
    }
  }

  /** A process variable a step needs was never set. */
  public static class MissingVariableException extends IllegalStateException {
    public MissingVariableException(String name) {
      super(
          "Process variable '"
              + name
              + "' is missing: it is set by an earlier step of the engagement");
    }
  }
}
