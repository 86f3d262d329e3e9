package ai.lepton.ml.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * A model's schema as the contract a decision request must meet: every attribute sent is one the
 * model knows, or one of the engagement's data that preparation set aside (ignored; an unknown one
 * is named, with the model's closest attribute when there is one: {@code CREDIT_AMOUNT} → {@code
 * credit_amount}), every number is finite, and at least {@code minKnownShare} of the model's input
 * attributes are given. A partial record above that share is scored, its missing attributes named
 * in the answer.
 */
public final class RecordContract {

  private RecordContract() {}

  /**
   * @throws ScoringException INVALID_FEATURES naming what is wrong
   */
  public static void check(
      Instances header,
      Map<String, Object> features,
      double minKnownShare,
      java.util.Set<String> setAside) {
    List<String> unknown = new ArrayList<>();
    for (String name : features.keySet()) {
      if (header.attribute(name) == null && !setAside.contains(name)) {
        String closest = closest(header, name);
        unknown.add(
            closest == null
                ? "'" + name + "'"
                : "'" + name + "' (did you mean '" + closest + "'?)");
      }
    }
    if (!unknown.isEmpty()) {
      throw new ScoringException(
          ScoringException.INVALID_FEATURES,
          "The model has no attribute "
              + String.join(", ", unknown)
              + "; it takes: "
              + inputs(header));
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < header.numAttributes(); i++) {
      Attribute attribute = header.attribute(i);
      if (i == header.classIndex()) {
        continue;
      }
      Object value = features.get(attribute.name());
      if (value == null) {
        missing.add(attribute.name());
      } else if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
        throw new ScoringException(
            ScoringException.INVALID_FEATURES,
            String.format(
                "Feature '%s' must be one %s, not %s",
                attribute.name(),
                attribute.isNumeric() ? "number" : "value",
                value instanceof Map<?, ?> ? "an object" : "a list"));
      } else if (attribute.isNumeric() && !finite(value)) {
        throw new ScoringException(
            ScoringException.INVALID_FEATURES,
            String.format(
                "Feature '%s' must be a finite number, not '%s'", attribute.name(), value));
      }
    }
    int inputs = header.numAttributes() - (header.classIndex() >= 0 ? 1 : 0);
    int known = inputs - missing.size();
    if (inputs > 0 && known < Math.ceil(minKnownShare * inputs)) {
      throw new ScoringException(
          ScoringException.INVALID_FEATURES,
          String.format(
              "The record gives %d of the model's %d attributes; at least %d are needed"
                  + " (lepton.decisions.min-known-share %.2f). Missing: %s",
              known,
              inputs,
              (int) Math.ceil(minKnownShare * inputs),
              minKnownShare,
              String.join(", ", missing)));
    }
  }

  private static boolean finite(Object value) {
    if (value instanceof Number number) {
      return Double.isFinite(number.doubleValue());
    }
    try {
      return Double.isFinite(Double.parseDouble(value.toString()));
    } catch (NumberFormatException e) {
      return true; // not a number at all: the scorer names the type error
    }
  }

  private static List<String> inputs(Instances header) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.numAttributes(); i++) {
      if (i != header.classIndex()) {
        names.add(header.attribute(i).name());
      }
    }
    return names;
  }

  /**
   * The model's attribute the name most likely meant: same letters ignoring case and separators, or
   * 2 edits.
   */
  static String closest(Instances header, String name) {
    String wanted = squeeze(name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : inputs(header)) {
      int distance =
          squeeze(candidate).equals(wanted)
              ? 0
              : distance(candidate.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return bestDistance <= 2 ? best : null;
  }

  private static String squeeze(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
