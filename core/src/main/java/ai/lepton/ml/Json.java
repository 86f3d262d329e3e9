package ai.lepton.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The JSON that Lepton keeps in its own tables (schemas, profiles, metrics, recipes). */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper LENIENT =
      new ObjectMapper()
          .configure(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
              false);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  /**
   * A document as a typed view: fields the view does not know are skipped (a document stored by an
   * older version stays readable); tests convert {@link #convertStrictly strictly} so that a view
   * cannot silently lose a field.
   */
  public static <T> T convert(Object document, Class<T> type) {
    return LENIENT.convertValue(document, type);
  }

  /** As {@link #convert}, failing on a field the view does not know. */
  public static <T> T convertStrictly(Object document, Class<T> type) {
    return MAPPER.convertValue(document, type);
  }

  public static Map<String, Object> readMap(String json) {
    return read(json, new TypeReference<>() {});
  }

  public static List<Map<String, Object>> readList(String json) {
    return read(json, new TypeReference<>() {});
  }

  public static List<String> readStrings(String json) {
    return read(json, new TypeReference<>() {});
  }

  private static <T> T read(String json, TypeReference<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is unreadable", e);
    }
  }
}
