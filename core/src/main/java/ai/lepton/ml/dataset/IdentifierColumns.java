package ai.lepton.ml.dataset;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import weka.core.Attribute;
import weka.core.AttributeStats;
import weka.core.Instances;

/**
 * Whether a column identifies rows rather than describing them, so that training leaves it out: a
 * label of its own in every row (a nominal or text column), or whole numbers, one per row, that
 * count rows (a sequence with a constant step, such as 1..n) or are named as an identifier ({@code
 * customerID}, {@code PID}, {@code order_no}). Dates and measurements never are, nor is free text
 * ({@link TextColumns}): a month in a sales series or a traded volume has a value per row because
 * time and quantities do. The one place Lepton decides it: the profile records the answer, the
 * data-quality rules and the preparation read it.
 */
public final class IdentifierColumns {

  /** Below this many rows a column with all-distinct values is not called an identifier. */
  public static final int MIN_ROWS = 50;

  private static final Pattern IDENTIFIER_NAME =
      Pattern.compile("(?i:(.*[^a-z])?(id|pid|uuid|guid|key|no|nr|num|number))|.*[a-z0-9]I[Dd]");

  private IdentifierColumns() {}

  /** Why the column is an identifier, or empty when it is not one. */
  public static Optional<String> reason(Instances data, int index) {
    Attribute attribute = data.attribute(index);
    int rows = data.numInstances();
    if (rows < MIN_ROWS || attribute.isDate() || attribute.isRelationValued()) {
      return Optional.empty();
    }
    AttributeStats stats = data.attributeStats(index);
    if (stats.missingCount > 0 || stats.distinctCount != rows) {
      return Optional.empty();
    }
    if (attribute.isNominal() || attribute.isString()) {
      if (TextColumns.reason(data, index).isPresent()) {
        return Optional.empty(); // a story or a question per row is text, vectorised by words
      }
      return Optional.of("every row has its own value (" + rows + " distinct), like an identifier");
    }
    double[] values = data.attributeToDoubleArray(index);
    Arrays.sort(values);
    for (double value : values) {
      if (value != Math.rint(value)) {
        return Optional.empty(); // a measurement
      }
    }
    double step = values[1] - values[0];
    boolean sequence = step > 0;
    for (int i = 2; i < values.length && sequence; i++) {
      sequence = values[i] - values[i - 1] == step;
    }
    if (sequence) {
      return Optional.of(
          "whole numbers "
              + format(values[0])
              + ", "
              + format(values[1])
              + " ... "
              + format(values[values.length - 1])
              + " counting the rows, like a row number");
    }
    if (IDENTIFIER_NAME.matcher(attribute.name().trim()).matches()) {
      return Optional.of(
          "a different whole number in every row ("
              + rows
              + " distinct) under a name that says"
              + " identifier");
    }
    return Optional.empty();
  }

  private static String format(double value) {
    return Long.toString((long) value);
  }
}
