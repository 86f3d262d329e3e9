package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Attribute;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.StringToWordVector;

/**
 * What a text model learned, in words a reviewer can check: the dictionary its word vectors keep,
 * and for each class the words that most set its texts apart — the smoothed log odds of a text of
 * that class having the word against a text of another class having it, among words in at least
 * {@value #MIN_DOCUMENTS} texts of the class. Measured on the training data through the deployed
 * model's own dictionary.
 */
public final class InformativeWords {

  /** How many words are listed per class. */
  static final int PER_CLASS = 12;

  /** A word must be in at least this many texts of a class to be listed for it. */
  static final int MIN_DOCUMENTS = 3;

  private InformativeWords() {}

  /**
   * @return the text attributes, the word-vector options, the dictionary size and the informative
   *     words per class; empty when the model is not a learner on word vectors of a nominal class
   */
  public static Map<String, Object> of(Classifier model, Instances data) throws Exception {
    if (!(model instanceof FilteredClassifier filtered)
        || !(filtered.getFilter() instanceof StringToWordVector fitted)) {
      return Map.of();
    }
    List<Integer> text = TextLearner.textAttributes(data);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("attributes", text.stream().map(i -> data.attribute(i).name()).toList());
    String[] options = fitted.getOptions();
    result.put("wordVectorOptions", weka.core.Utils.joinOptions(options));
    StringToWordVector copy = (StringToWordVector) Filter.makeCopy(fitted);
    Instances vectors =
        Filter.useFilter(data, copy); // the deployed dictionary, applied to the training texts
    int firstWord = data.numAttributes() - text.size();
    result.put("dictionarySize", vectors.numAttributes() - firstWord);
    if (!data.classAttribute().isNominal()) {
      return result;
    }
    int classIndex = vectors.classIndex();
    int classes = data.classAttribute().numValues();
    int[] texts = new int[classes];
    for (int r = 0; r < vectors.numInstances(); r++) {
      texts[(int) vectors.instance(r).value(classIndex)]++;
    }
    List<Map<String, Object>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      List<Map<String, Object>> words = new ArrayList<>();
      for (int a = firstWord; a < vectors.numAttributes(); a++) {
        if (a == classIndex) {
          continue;
        }
        int inClass = 0;
        int elsewhere = 0;
        for (int r = 0; r < vectors.numInstances(); r++) {
          if (vectors.instance(r).value(a) != 0) {
            if ((int) vectors.instance(r).value(classIndex) == c) {
              inClass++;
            } else {
              elsewhere++;
            }
          }
        }
        int others = vectors.numInstances() - texts[c];
        if (inClass < MIN_DOCUMENTS || texts[c] == 0) {
          continue;
        }
        double logOdds =
            Math.log((inClass + 0.5) / (texts[c] - inClass + 0.5))
                - Math.log((elsewhere + 0.5) / (others - elsewhere + 0.5));
        if (logOdds > 0) {
          Attribute word = vectors.attribute(a);
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("word", word.name());
          entry.put("logOdds", Math.round(logOdds * 1000) / 1000.0);
          entry.put("textsOfClass", inClass);
          entry.put("shareOfClass", Math.round(1000.0 * inClass / texts[c]) / 1000.0);
          entry.put(
              "shareElsewhere",
              others == 0 ? null : Math.round(1000.0 * elsewhere / others) / 1000.0);
          words.add(entry);
        }
      }
      words.sort(Comparator.comparingDouble((Map<String, Object> w) -> -(double) w.get("logOdds")));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("class", data.classAttribute().value(c));
      entry.put("texts", texts[c]);
      entry.put(
          "words", words.size() > PER_CLASS ? List.copyOf(words.subList(0, PER_CLASS)) : words);
      byClass.add(entry);
    }
    result.put("informativeWords", byClass);
    return result;
  }
}
