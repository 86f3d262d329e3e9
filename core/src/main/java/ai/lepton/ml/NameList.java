package ai.lepton.ml;

import java.util.Arrays;
import java.util.List;

/**
 * Names written as a list — separated by commas or lines, as forms, records and Weka's options
 * write them.
 */
public final class NameList {

  private NameList() {}

  /** The names in order, stripped, each once; empty for null or blank. */
  public static List<String> of(String listed) {
    return listed == null
        ? List.of()
        : Arrays.stream(listed.split("[,\\n]"))
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .distinct()
            .toList();
  }
}
