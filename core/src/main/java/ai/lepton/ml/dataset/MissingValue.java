package ai.lepton.ml.dataset;

/** How a missing value is written in text: an empty cell, {@code ?} (Weka's) or {@code NA}. */
public final class MissingValue {

  private MissingValue() {}

  public static boolean is(String field) {
    return field.isEmpty() || "?".equals(field) || "NA".equals(field);
  }
}
