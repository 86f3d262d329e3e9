package ai.lepton.ml.dataset;

import java.util.HashMap;
import java.util.Map;
import weka.core.Instance;
import weka.core.Instances;

/** A dataset row as a record of named values, the way a decision's features arrive, and back. */
public final class RowValues {

  private RowValues() {}

  /** The row's present values by attribute name: numbers as doubles, labels as text. */
  public static Map<String, Object> of(Instances data, Instance row) {
    Map<String, Object> values = new HashMap<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      if (!row.isMissing(a)) {
        values.put(
            data.attribute(a).name(),
            data.attribute(a).isNumeric() ? row.value(a) : row.stringValue(a));
      }
    }
    return values;
  }

  /**
   * A value as the label of a nominal attribute: 2.0 and "2" are the same label when labels are
   * numbers.
   */
  public static String label(Object value) {
    if (value instanceof Double number
        && number == Math.rint(number)
        && !Double.isInfinite(number)) {
      return String.valueOf(number.longValue());
    }
    return value.toString();
  }
}
