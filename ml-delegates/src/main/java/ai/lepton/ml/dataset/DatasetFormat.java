package ai.lepton.ml.dataset;

import java.util.Locale;

/** The text formats a client may send a dataset in. */
public enum DatasetFormat {
  CSV,
  ARFF;

  /** ARFF starts with comments and an {@code @relation} line; anything else is read as CSV. */
  public static DatasetFormat sniff(String text) {
    for (String line : text.split("\n", 50)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("%")) {
        continue;
      }
      return trimmed.toLowerCase(Locale.ROOT).startsWith("@relation") ? ARFF : CSV;
    }
    return CSV;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
