package ai.lepton.ml.dataset;

import java.util.Locale;

/** The text formats a client may send a dataset in. */
public enum DatasetFormat {
  CSV,
  ARFF;

  /** ARFF starts with comments and an {@code @relation} line; anything else is read as CSV. */
  public static DatasetFormat sniff(String text) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      String line = text.substring(start, end < 0 ? text.length() : end).strip();
      if (!line.isEmpty() && !line.startsWith("%")) {
        return line.toLowerCase(Locale.ROOT).startsWith("@relation") ? ARFF : CSV;
      }
      start = end < 0 ? text.length() : end + 1;
    }
    return CSV;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
