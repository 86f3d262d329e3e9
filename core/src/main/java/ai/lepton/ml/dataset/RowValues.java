package ai.lepton.ml.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

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

  /** Why a present value cannot be a value of its attribute. */
  public enum Unreadable {
    NOT_A_NUMBER,
    UNKNOWN_LABEL
  }

  /**
   * What a row does with a value its attribute cannot hold: refuse it (scoring) or count it and
   * make it missing (retraining).
   */
  @FunctionalInterface
  public interface WhenUnreadable {
    /** The value to use instead (e.g. Weka's missing value), or throws. */
    double value(Attribute attribute, Object value, Unreadable why);
  }

  /**
   * A record of named values as a row of {@code header}, the one way Lepton turns features into
   * Weka's row: numbers as numbers (text that parses), labels by their text ({@link #label}), free
   * text added to the header's words; an absent value is Weka's missing value (its name added to
   * {@code missing}), and so is the {@code leftOut} attribute's (the class, when scoring; -1:
   * none).
   */
  public static Instance toRow(
      Instances header,
      Map<String, Object> values,
      int leftOut,
      List<String> missing,
      WhenUnreadable whenUnreadable) {
    double[] row = new double[header.numAttributes()];
    for (int i = 0; i < header.numAttributes(); i++) {
      Attribute attribute = header.attribute(i);
      Object value = values.get(attribute.name());
      if (i == leftOut) {
        row[i] = Utils.missingValue();
      } else if (value == null
          || !(attribute.isNumeric() || attribute.isNominal() || attribute.isString())) {
        row[i] = Utils.missingValue();
        missing.add(attribute.name());
      } else if (attribute.isNumeric()) {
        row[i] = number(attribute, value, whenUnreadable);
      } else if (attribute.isNominal()) {
        int index = attribute.indexOfValue(label(value));
        row[i] =
            index >= 0 ? index : whenUnreadable.value(attribute, value, Unreadable.UNKNOWN_LABEL);
      } else {
        row[i] = attribute.addStringValue(value.toString());
      }
    }
    Instance instance = new DenseInstance(1.0, row);
    instance.setDataset(header);
    return instance;
  }

  private static double number(Attribute attribute, Object value, WhenUnreadable whenUnreadable) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().strip());
    } catch (NumberFormatException e) {
      return whenUnreadable.value(attribute, value, Unreadable.NOT_A_NUMBER);
    }
  }
}
