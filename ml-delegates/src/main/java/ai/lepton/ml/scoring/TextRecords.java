package ai.lepton.ml.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Records of a model that reads free text: each record gets a header of its own for its text (a Weka string attribute
 * holds the texts it is given, so a shared header would grow with every decision and mix concurrent ones), and a
 * decision on a text is explained by its words: each distinct word in turn is left out of the text and the record
 * scored again; the change in the probability of the predicted class is that word's effect.
 */
public final class TextRecords {

  /** How many words an explanation names. */
  static final int TOP = 5;
  /** How many distinct words of one text are tried, the most frequent first. */
  static final int MAX_WORDS = 60;
  /** Weka's {@code WordTokenizer} delimiters: the words tried are the words the word vectors count. */
  static final String DELIMITERS = " \r\n\t.,;:'\"()?!";

  private TextRecords() {}

  /** Whether the model reads free text (a string attribute besides the class). */
  public static boolean hasText(Instances header) {
    for (int i = 0; i < header.numAttributes(); i++) {
      if (i != header.classIndex() && header.attribute(i).isString()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The header itself when it has no text (without rows); otherwise a copy whose text attributes hold no text yet.
   */
  public static Instances headerFor(Instances model) {
    if (!hasText(model)) {
      return model.numInstances() == 0 ? model : new Instances(model, 0);
    }
    ArrayList<Attribute> attributes = new ArrayList<>(model.numAttributes());
    for (int i = 0; i < model.numAttributes(); i++) {
      Attribute attribute = model.attribute(i);
      attributes.add(attribute.isString() ? new Attribute(attribute.name(), (List<String>) null)
          : (Attribute) attribute.copy());
    }
    Instances header = new Instances(model.relationName(), attributes, 0);
    header.setClassIndex(model.classIndex());
    return header;
  }

  /** The words of a text as the explanation tries them: lower case, split where Weka's word tokenizer splits. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    java.util.StringTokenizer tokens = new java.util.StringTokenizer(text, DELIMITERS);
    while (tokens.hasMoreTokens()) {
      words.add(tokens.nextToken().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /**
   * @param predicted the predicted class index, or -1 for a numeric target
   * @return up to {@link #TOP} entries, strongest first: the text attribute, the word, how often the text has it and
   *     its effect on the prediction
   */
  public static List<Map<String, Object>> explain(Classifier model, Instance record, double[] distribution,
      int predicted) throws Exception {
    Instances header = record.dataset();
    double before = predicted < 0 ? distribution[0] : distribution[predicted];
    List<Map<String, Object>> effects = new ArrayList<>();
    for (int i = 0; i < header.numAttributes(); i++) {
      if (i == header.classIndex() || !header.attribute(i).isString() || record.isMissing(i)) {
        continue;
      }
      List<String> words = words(record.stringValue(i));
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String word : words) {
        if (word.chars().anyMatch(Character::isLetter)) {
          counts.merge(word, 1, Integer::sum);
        }
      }
      List<String> tried = counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(MAX_WORDS)
          .map(Map.Entry::getKey).toList();
      for (String word : tried) {
        String without = String.join(" ", words.stream().filter(w -> !w.equals(word)).toList());
        double[] after = model.distributionForInstance(withText(record, i, without));
        double effect = before - (predicted < 0 ? after[0] : after[predicted]);
        if (effect != 0 && !Double.isNaN(effect)) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("attribute", header.attribute(i).name());
          entry.put("word", word);
          entry.put("occurrences", counts.get(word));
          entry.put("effect", Math.round(effect * 10_000.0) / 10_000.0);
          entry.put("globallyImportant", false);
          effects.add(entry);
        }
      }
    }
    effects.sort(Comparator.comparingDouble((Map<String, Object> e) -> -Math.abs((double) e.get("effect"))));
    return effects.size() > TOP ? List.copyOf(effects.subList(0, TOP)) : effects;
  }

  /** The record with one text attribute's value replaced, on a header of its own. */
  static Instance withText(Instance record, int attribute, String text) {
    Instances header = headerFor(record.dataset());
    double[] values = record.toDoubleArray();
    for (int i = 0; i < values.length; i++) {
      if (header.attribute(i).isString() && !record.isMissing(i)) {
        values[i] = header.attribute(i).addStringValue(i == attribute ? text : record.stringValue(i));
      }
    }
    Instance variant = new DenseInstance(record.weight(), values);
    variant.setDataset(header);
    return variant;
  }
}
