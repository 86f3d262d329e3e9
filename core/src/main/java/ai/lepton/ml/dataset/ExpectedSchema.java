package ai.lepton.ml.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The columns an engagement expects its data to have, written {@code name:type, name:type} with
 * type {@code numeric} or {@code nominal} (text). Extra columns are allowed; a missing or
 * differently typed one is not.
 */
public record ExpectedSchema(Map<String, String> columns) {

  public static ExpectedSchema parse(Object text) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (text == null || text.toString().isBlank()) {
      return new ExpectedSchema(columns);
    }
    for (String entry : text.toString().split(",")) {
      String[] parts = entry.strip().split(":");
      String type = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "";
      if (parts.length != 2
          || parts[0].isBlank()
          || !(type.equals("numeric") || type.equals("nominal"))) {
        throw new IllegalArgumentException(
            "expectedSchema entries are name:numeric or name:nominal, not '" + entry.strip() + "'");
      }
      columns.put(parts[0].strip(), type);
    }
    return new ExpectedSchema(columns);
  }

  /** What in the data differs from this schema; empty when it conforms. */
  public List<String> differences(Instances data) {
    List<String> differences = new ArrayList<>();
    columns.forEach(
        (name, type) -> {
          Attribute attribute = data.attribute(name);
          if (attribute == null) {
            differences.add("column '" + name + "' is missing");
          } else if (type.equals("numeric") != attribute.isNumeric()) {
            differences.add(
                "column '"
                    + name
                    + "' should be "
                    + type
                    + " but is "
                    + (attribute.isNumeric() ? "numeric" : "nominal"));
          }
        });
    return differences;
  }
}
