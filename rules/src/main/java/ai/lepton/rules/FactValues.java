package ai.lepton.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Reads the loosely typed values of process variables and JSON documents into what the facts need.
 */
final class FactValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FactValues() {}

  /**
   * A JSON object, whether the variable holds it as a map (Camunda JSON variable) or as JSON text.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("Process variable '" + name + "' is missing");
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    try {
      return JSON.readValue(value.toString(), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "'" + name + "' must be a JSON object: " + e.getOriginalMessage());
    }
  }

  /** A number, NaN when absent; text that is not a number is refused with the name of the field. */
  static double number(Map<String, ?> values, String name) {
    Object value = values.get(name);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Feature '" + name + "' must be a number, not '" + value + "'");
    }
  }

  /**
   * A number, or null when absent or not a number (NaN): the form Lepton's facts hold optional
   * figures in.
   */
  static Double optional(Map<String, ?> values, String name) {
    double value = number(values, name);
    return Double.isNaN(value) ? null : value;
  }

  static String text(Map<String, ?> values, String name) {
    Object value = values.get(name);
    return value == null ? null : value.toString();
  }
}
