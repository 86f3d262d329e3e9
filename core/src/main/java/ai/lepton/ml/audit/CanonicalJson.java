package ai.lepton.ml.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one way an audit entry is written as text before it is hashed: keys sorted at every level, no
 * whitespace, numbers as Jackson prints them. The same entry always gives the same bytes, so anyone
 * can recompute the chain.
 */
final class CanonicalJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private CanonicalJson() {}

  static String write(Object value) {
    try {
      // Read back as a tree first, so that maps nested in lists and records are ordered as well.
      return MAPPER.writeValueAsString(
          MAPPER.readValue(MAPPER.writeValueAsString(value), Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "An audit entry must be JSON: " + e.getOriginalMessage(), e);
    }
  }
}
