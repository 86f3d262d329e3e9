package ai.lepton.process;

/**
 * Camunda keeps a text variable's value and an incident's message in a column of 4,000 characters:
 * Lepton's texts stay under {@value #LIMIT}, leaving room for a note that says what was cut.
 */
public final class TextVariables {

  /** The most characters Lepton writes into one text variable or incident message. */
  public static final int LIMIT = 3_900;

  private TextVariables() {}

  /** The text, or its first {@value #LIMIT} characters and an ellipsis. */
  public static String cut(String text) {
    return text == null || text.length() <= LIMIT ? text : text.substring(0, LIMIT - 1) + "…";
  }
}
