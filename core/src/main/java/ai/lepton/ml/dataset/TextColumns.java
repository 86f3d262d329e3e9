package ai.lepton.ml.dataset;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * Whether a column holds free text (news stories, questions, notes) rather than a category or an
 * identifier: a string or nominal column the requirements name as text, or one that reads as text,
 * where the values are long ({@value #MIN_MEAN_WORDS} words or more on average), mostly distinct
 * (at least half the rows' values differ) and not one token each. Free text is turned into word
 * vectors inside the learner ({@code StringToWordVector}); a short categorical string stays a
 * category and a value per row with no words in it stays an identifier. The one place Lepton
 * decides it: the profile records the answer, the preparation and the scorer read it.
 */
public final class TextColumns {

  /** Mean words per value from which an unnamed column reads as free text. */
  public static final int MIN_MEAN_WORDS = 5;

  /**
   * Share of the non-missing values that must be distinct for an unnamed column to read as free
   * text.
   */
  public static final double MIN_DISTINCT_SHARE = 0.5;

  private TextColumns() {}

  /**
   * The text columns of the data: those named (which must exist and hold text) and those detected.
   */
  public static Set<String> of(Instances data, Collection<String> named, String target) {
    Set<String> text = new LinkedHashSet<>();
    for (String name : named) {
      Attribute attribute = data.attribute(name.strip());
      if (attribute == null) {
        throw new IllegalArgumentException(
            "The requirements name '"
                + name.strip()
                + "' as text, but the dataset"
                + " has no such attribute");
      }
      if (!attribute.isString() && !attribute.isNominal()) {
        throw new IllegalArgumentException(
            "The requirements name '"
                + attribute.name()
                + "' as text, but it is "
                + Attribute.typeToString(attribute)
                + ": only string or nominal columns hold text");
      }
      if (attribute.name().equals(target)) {
        throw new IllegalArgumentException(
            "The target '"
                + target
                + "' cannot be a text attribute: Lepton"
                + " classifies texts, it does not generate them");
      }
      text.add(attribute.name());
    }
    for (int i = 0; i < data.numAttributes(); i++) {
      if (!data.attribute(i).name().equals(target) && reason(data, i).isPresent()) {
        text.add(data.attribute(i).name());
      }
    }
    return text;
  }

  /**
   * A text column in figures: its values present, distinct among them, and words a value on
   * average.
   */
  public record Summary(int present, int distinct, double meanWords) {}

  /** The column's summary, in one pass. */
  public static Summary summarise(Instances data, int index) {
    long words = 0;
    int present = 0;
    Set<String> distinct = new java.util.HashSet<>();
    for (int r = 0; r < data.numInstances(); r++) {
      if (data.instance(r).isMissing(index)) {
        continue;
      }
      String value = data.instance(r).stringValue(index);
      present++;
      distinct.add(value);
      words += countWords(value);
    }
    return new Summary(present, distinct.size(), present == 0 ? 0 : (double) words / present);
  }

  /** Why an unnamed column reads as free text, or empty when it does not. */
  public static Optional<String> reason(Instances data, int index) {
    Attribute attribute = data.attribute(index);
    if (!attribute.isString() && !attribute.isNominal()) {
      return Optional.empty();
    }
    Summary summary = summarise(data, index);
    if (summary.present() < 2) {
      return Optional.empty();
    }
    double distinctShare = (double) summary.distinct() / summary.present();
    if (summary.meanWords() >= MIN_MEAN_WORDS && distinctShare >= MIN_DISTINCT_SHARE) {
      return Optional.of(
          String.format(
              java.util.Locale.ROOT,
              "free text: %.0f words a value on average, %.0f%% of the values distinct",
              summary.meanWords(),
              100 * distinctShare));
    }
    return Optional.empty();
  }

  /** Words as the profile counts them: runs of letters or digits. */
  static int countWords(String value) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < value.length(); i++) {
      boolean letter = Character.isLetterOrDigit(value.charAt(i));
      if (letter && !inWord) {
        count++;
      }
      inWord = letter;
    }
    return count;
  }
}
