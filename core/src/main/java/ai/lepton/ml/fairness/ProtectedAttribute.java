package ai.lepton.ml.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * An attribute whose groups a model must not treat differently, as requirements name it: a nominal
 * one, each value a group ({@code personal_status}), or a numeric one cut into bands ({@code age <
 * 25}: "< 25" and "≥ 25"; {@code age < 25, 60}: three bands). A row with the value missing is in
 * the group "missing".
 */
public record ProtectedAttribute(String attribute, List<Double> cuts) {

  public ProtectedAttribute {
    cuts = List.copyOf(cuts);
  }

  /** One requirements line: {@code name} or {@code name < cut[, cut…]}. */
  public static ProtectedAttribute parse(String line) {
    String text = line.strip();
    int less = text.indexOf('<');
    if (less < 0) {
      if (text.isEmpty()) {
        throw new IllegalArgumentException("A protected attribute needs a name");
      }
      return new ProtectedAttribute(text, List.of());
    }
    String name = text.substring(0, less).strip();
    List<Double> cuts = new ArrayList<>();
    for (String cut : text.substring(less + 1).split(",")) {
      try {
        cuts.add(Double.parseDouble(cut.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'"
                + line.strip()
                + "': the bands of a numeric protected attribute are"
                + " numbers, e.g. 'age < 25' or 'age < 25, 60'");
      }
    }
    if (name.isEmpty() || cuts.isEmpty()) {
      throw new IllegalArgumentException("'" + line.strip() + "' is not 'name' or 'name < number'");
    }
    return new ProtectedAttribute(name, cuts.stream().sorted().distinct().toList());
  }

  /**
   * Checks the attribute against the data the model is trained on: present, and banded exactly when
   * numeric.
   */
  public Attribute in(Instances data) {
    Attribute found = data.attribute(attribute);
    if (found == null) {
      throw new IllegalArgumentException(
          "The protected attribute '"
              + attribute
              + "' is not in the training data"
              + " (dropped by the data-quality gate, or misspelt)");
    }
    if (found == data.classAttribute()) {
      throw new IllegalArgumentException(
          "The protected attribute '" + attribute + "' is the target");
    }
    if (found.isNumeric() && cuts.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + attribute + "' is numeric: name its bands, e.g. '" + attribute + " < 25'");
    }
    if (!found.isNumeric() && !cuts.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + attribute + "' is not numeric: its values are its groups");
    }
    return found;
  }

  /** The group of a row. */
  public String groupOf(Instance row, Attribute found) {
    if (row.isMissing(found)) {
      return "missing";
    }
    if (!found.isNumeric()) {
      return row.stringValue(found);
    }
    double value = row.value(found);
    for (int i = 0; i < cuts.size(); i++) {
      if (value < cuts.get(i)) {
        return i == 0
            ? "< " + number(cuts.get(0))
            : number(cuts.get(i - 1)) + " to < " + number(cuts.get(i));
      }
    }
    return "≥ " + number(cuts.get(cuts.size() - 1));
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
