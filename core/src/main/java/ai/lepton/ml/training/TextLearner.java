package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.List;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * A learner as it is trained on data with free text: Weka's {@code FilteredClassifier} around it,
 * with {@code StringToWordVector} on the text attributes, so each cross-validation fold builds its
 * dictionary from its own training rows and the deployed model applies the same dictionary to every
 * later text. The line is a Weka command a data scientist can run in the Explorer and get the same
 * figures.
 */
public final class TextLearner {

  static final String FILTERED = "weka.classifiers.meta.FilteredClassifier";
  static final String WORD_VECTORS = "weka.filters.unsupervised.attribute.StringToWordVector";

  private TextLearner() {}

  /**
   * The learner itself when the data has no text attribute; otherwise the learner on word vectors
   * of the text.
   */
  public static AlgorithmSpec around(
      AlgorithmSpec learner, Instances data, String wordVectorOptions) {
    List<Integer> text = textAttributes(data);
    if (text.isEmpty()) {
      return learner;
    }
    String filter =
        WORD_VECTORS
            + " -R "
            + String.join(",", text.stream().map(i -> String.valueOf(i + 1)).toList())
            + (wordVectorOptions == null || wordVectorOptions.isBlank()
                ? ""
                : " " + wordVectorOptions.strip());
    String options =
        Utils.joinOptions(new String[] {"-F", filter, "-W", learner.className()})
            + (learner.options().isEmpty() ? "" : " -- " + learner.options());
    return new AlgorithmSpec(FILTERED, options);
  }

  /**
   * The indices of the data's string attributes: after preparation, only free text is still a
   * string.
   */
  public static List<Integer> textAttributes(Instances data) {
    List<Integer> text = new ArrayList<>();
    for (int i = 0; i < data.numAttributes(); i++) {
      if (i != data.classIndex() && data.attribute(i).isString()) {
        text.add(i);
      }
    }
    return text;
  }

  /**
   * Checks word-vector options as a requirement gives them: on the allow-list (tokenizers,
   * stemmers, stop words), nothing that reads or writes a file, no {@code -R} (Lepton names the
   * text attributes), and options Weka reads.
   *
   * @throws InvalidAlgorithmException naming what is wrong
   */
  public static void checkOptions(String wordVectorOptions) {
    String options = wordVectorOptions == null ? "" : wordVectorOptions.strip();
    String[] tokens;
    try {
      tokens = Utils.splitOptions(options);
    } catch (Exception e) {
      throw new InvalidAlgorithmException(
          "The word-vector options '" + options + "' cannot be read: " + e.getMessage(), e);
    }
    for (String token : tokens) {
      if (token.equals("-R") || token.equals("-V")) {
        throw new InvalidAlgorithmException(
            "Leave "
                + token
                + " out of the word-vector options: Lepton applies them"
                + " to the attributes named or detected as text");
      }
    }
    AllowedAlgorithms allowed = AllowedAlgorithms.current();
    allowed.check(WORD_VECTORS, options);
    WekaCatalogue.narrowTo(allowed);
    try {
      WekaObjects.create(Filter.class, WORD_VECTORS, options);
    } catch (Exception e) {
      throw new InvalidAlgorithmException(
          "Weka refuses the word-vector options '"
              + options
              + "': "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }
}
