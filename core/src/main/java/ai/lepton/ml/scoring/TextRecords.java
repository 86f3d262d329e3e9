package ai.lepton.ml.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.StringToWordVector;

/**
 * Records of a model that reads free text: each record gets a header of its own for its text (a
 * Weka string attribute holds the texts it is given, so a shared header would grow with every
 * decision and mix concurrent ones), and a decision on a text is explained by its words: each
 * distinct word in turn is left out of the text and the record scored again; the change in the
 * probability of the predicted class is that word's effect. When the model is so certain that no
 * single word changes its answer (a probability of 1.0), the story's word weights are first scaled
 * down together until it is {@value #CERTAIN} sure ({@code weightsScaledBy}).
 */
public final class TextRecords {

  /** The probability from which a model is too sure for one word to move it. */
  static final double CERTAIN = 0.9;

  /** How many words an explanation names. */
  static final int TOP = 5;

  /** How many distinct words of one text are tried, the most frequent first. */
  static final int MAX_WORDS = 60;

  /**
   * Weka's {@code WordTokenizer} delimiters: the words tried are the words the word vectors count.
   */
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
   * The header itself when it has no text (without rows); otherwise a copy whose text attributes
   * hold no text yet.
   */
  public static Instances headerFor(Instances model) {
    if (!hasText(model)) {
      return model.numInstances() == 0 ? model : new Instances(model, 0);
    }
    ArrayList<Attribute> attributes = new ArrayList<>(model.numAttributes());
    for (int i = 0; i < model.numAttributes(); i++) {
      Attribute attribute = model.attribute(i);
      attributes.add(
          attribute.isString()
              ? new Attribute(attribute.name(), (List<String>) null)
              : (Attribute) attribute.copy());
    }
    Instances header = new Instances(model.relationName(), attributes, 0);
    header.setClassIndex(model.classIndex());
    return header;
  }

  /**
   * The words of a text as the explanation tries them: lower case, split where Weka's word
   * tokenizer splits.
   */
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
   * @return up to {@link #TOP} entries, strongest first: the text attribute, the word, how often
   *     the text has it, its effect on the prediction and how it was measured ({@code measure}:
   *     {@code left out} of the text; or, when the model is so sure that leaving out any one word
   *     changes nothing, {@code alone}: the word on its own against an empty text)
   */
  public static List<Map<String, Object>> explain(
      Classifier model, Instance record, double[] distribution, int predicted) throws Exception {
    if (model instanceof FilteredClassifier filtered
        && filtered.getFilter() instanceof StringToWordVector words
        && words.getNormalizeDocLength().getSelectedTag().getID()
            == StringToWordVector.FILTER_NONE) {
      return explainOnVectors(filtered, words, record, distribution, predicted);
    }
    Instances header = record.dataset();
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
      List<String> tried =
          counts.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .limit(MAX_WORDS)
              .map(Map.Entry::getKey)
              .toList();
      double before = probability(distribution, predicted);
      List<Map<String, Object>> leftOut = new ArrayList<>();
      for (String word : tried) {
        String without = String.join(" ", words.stream().filter(w -> !w.equals(word)).toList());
        double effect =
            before
                - probability(
                    model.distributionForInstance(withText(record, i, without)), predicted);
        add(leftOut, header.attribute(i).name(), word, counts.get(word), effect, "left out");
      }
      if (leftOut.isEmpty()) {
        double empty =
            probability(model.distributionForInstance(withText(record, i, "")), predicted);
        for (String word : tried) {
          String alone = String.join(" ", java.util.Collections.nCopies(counts.get(word), word));
          double effect =
              probability(model.distributionForInstance(withText(record, i, alone)), predicted)
                  - empty;
          add(effects, header.attribute(i).name(), word, counts.get(word), effect, "alone");
        }
      } else {
        effects.addAll(leftOut);
      }
    }
    effects.sort(
        Comparator.comparingDouble((Map<String, Object> e) -> -Math.abs((double) e.get("effect"))));
    return effects.size() > TOP ? List.copyOf(effects.subList(0, TOP)) : effects;
  }

  /**
   * The same explanation on the record's word vector, made once: without length normalisation a
   * word's value depends on that word alone, so leaving a word out of the text is setting its value
   * to zero, and the learner inside is asked again without vectorising the text each time. Only the
   * dictionary's words present in the text can move the prediction; each is tried.
   */
  private static List<Map<String, Object>> explainOnVectors(
      FilteredClassifier model,
      StringToWordVector filter,
      Instance record,
      double[] distribution,
      int predicted)
      throws Exception {
    filter.input(
        record); // as FilteredClassifier turns a record into its vector (the caller holds the
    // model's lock)
    filter.batchFinished();
    Instance vector = filter.output();
    Instances header = record.dataset();
    int textAttributes = 0;
    StringBuilder texts = new StringBuilder();
    String textName = null;
    for (int i = 0; i < header.numAttributes(); i++) {
      if (i != header.classIndex() && header.attribute(i).isString()) {
        textAttributes++;
        textName = textName == null ? header.attribute(i).name() : textName;
        if (!record.isMissing(i)) {
          texts.append(record.stringValue(i)).append('\n');
        }
      }
    }
    int firstWord = header.numAttributes() - textAttributes;
    Map<String, Integer> counts = new java.util.HashMap<>();
    for (String word : words(texts.toString())) {
      counts.merge(word, 1, Integer::sum);
    }
    Classifier inner = model.getClassifier();
    double before = probability(distribution, predicted);
    List<Integer> present = new ArrayList<>();
    for (int p = 0; p < vector.numValues(); p++) {
      int index = vector.index(p);
      if (index >= firstWord && index != vector.classIndex() && vector.valueSparse(p) != 0) {
        present.add(index);
      }
    }
    List<Map<String, Object>> effects = new ArrayList<>();
    leaveEachOut(inner, vector, present, before, predicted, textName, counts, effects);
    if (effects.isEmpty() && !present.isEmpty()) {
      // certain: no single word moves the answer. The text's word weights are scaled down together
      // until the model
      // is at most 0.9 sure (or halfway from what it expects of an empty text to certainty), and
      // each word left out
      // there: for a model additive in the log-odds (Naive Bayes,
      // logistic, linear SVM) that orders the words by their share of the decision, as they stand
      // in the story.
      // (a class the model expects of any text, as the prior says, is aimed at halfway between that
      // and certainty)
      double empty =
          probability(inner.distributionForInstance(scaled(vector, present, 0)), predicted);
      double target = Math.max(CERTAIN, (empty + 1) / 2);
      double low = 0;
      double high = 1;
      for (int step = 0; step < 40; step++) {
        double middle = (low + high) / 2;
        if (probability(inner.distributionForInstance(scaled(vector, present, middle)), predicted)
            > target) {
          high = middle;
        } else {
          low = middle;
        }
      }
      double factor = high;
      Instance scaled = scaled(vector, present, factor);
      double scaledBefore = probability(inner.distributionForInstance(scaled), predicted);
      leaveEachOut(inner, scaled, present, scaledBefore, predicted, textName, counts, effects);
      double rounded = Double.parseDouble(String.format(Locale.ROOT, "%.3g", factor));
      effects.forEach(entry -> entry.put("weightsScaledBy", rounded));
    }
    effects.sort(
        Comparator.comparingDouble((Map<String, Object> e) -> -Math.abs((double) e.get("effect"))));
    return effects.size() > TOP ? List.copyOf(effects.subList(0, TOP)) : effects;
  }

  /**
   * Each present word of a vector set to zero in turn: the fall in the predicted class's
   * probability.
   */
  private static void leaveEachOut(
      Classifier inner,
      Instance vector,
      List<Integer> present,
      double before,
      int predicted,
      String textName,
      Map<String, Integer> counts,
      List<Map<String, Object>> effects)
      throws Exception {
    for (int index : present) {
      Instance without = (Instance) vector.copy();
      without.setValue(index, 0);
      double effect = before - probability(inner.distributionForInstance(without), predicted);
      String word = vector.attribute(index).name();
      add(
          effects,
          textName,
          word,
          counts.getOrDefault(word.toLowerCase(Locale.ROOT), 0),
          effect,
          "left out");
    }
  }

  /** The vector with the given word weights multiplied by a factor. */
  private static Instance scaled(Instance vector, List<Integer> words, double factor) {
    Instance scaled = (Instance) vector.copy();
    for (int index : words) {
      scaled.setValue(index, vector.value(index) * factor);
    }
    return scaled;
  }

  private static double probability(double[] distribution, int predicted) {
    return predicted < 0 ? distribution[0] : distribution[predicted];
  }

  private static void add(
      List<Map<String, Object>> effects,
      String attribute,
      String word,
      int occurrences,
      double effect,
      String measure) {
    if (Double.isNaN(effect) || Math.abs(effect) < 0.00005) {
      return; // no effect a person could read (it would show as 0.0000)
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("attribute", attribute);
    entry.put("word", word);
    entry.put("occurrences", occurrences);
    entry.put("effect", Math.round(effect * 10_000.0) / 10_000.0);
    entry.put("measure", measure);
    entry.put("globallyImportant", false);
    effects.add(entry);
  }

  /** The record with one text attribute's value replaced, on a header of its own. */
  static Instance withText(Instance record, int attribute, String text) {
    Instances header = headerFor(record.dataset());
    double[] values = record.toDoubleArray();
    for (int i = 0; i < values.length; i++) {
      if (header.attribute(i).isString() && !record.isMissing(i)) {
        values[i] =
            header.attribute(i).addStringValue(i == attribute ? text : record.stringValue(i));
      }
    }
    Instance variant = new DenseInstance(record.weight(), values);
    variant.setDataset(header);
    return variant;
  }
}
