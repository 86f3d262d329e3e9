package ai.lepton.ml.monitoring;

import ai.lepton.ml.scoring.TextRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import weka.core.stopwords.Rainbow;

/**
 * Drift of free text, on its vocabulary: PSI over the training texts' {@value #TOP_WORDS} commonest
 * words (English stop words and numbers left out) and one bin for every other word the training
 * texts have, and the share of recent words the training texts never had. That share is judged
 * against the same share within the training data (words of its odd texts unseen in its even ones):
 * news always brings new names, so only more of them than usual is drift.
 */
final class TextDrift {

  /** How many of the training texts' commonest words are bins of their own. */
  static final int TOP_WORDS = 20;

  private static final Rainbow STOP_WORDS = new Rainbow();

  private TextDrift() {}

  static DriftCalculator.AttributeDrift compare(String name, String[] training, String[] recent) {
    Map<String, Integer> vocabulary = counts(training, 0, 1);
    List<String> top =
        vocabulary.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP_WORDS)
            .map(Map.Entry::getKey)
            .toList();
    double[] trainingBins = bins(vocabulary, top, vocabulary);
    Map<String, Integer> recentWords = counts(recent, 0, 1);
    double[] recentBins = bins(recentWords, top, vocabulary);
    double psi = DriftCalculator.psi(trainingBins, recentBins);
    long recentTotal = recentWords.values().stream().mapToLong(Integer::longValue).sum();
    long unseen =
        recentWords.entrySet().stream()
            .filter(e -> !vocabulary.containsKey(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    Map<String, Integer> even = counts(training, 0, 2);
    Map<String, Integer> odd = counts(training, 1, 2);
    long oddTotal = odd.values().stream().mapToLong(Integer::longValue).sum();
    long oddUnseen =
        odd.entrySet().stream()
            .filter(e -> !even.containsKey(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new DriftCalculator.AttributeDrift(
        name,
        "text",
        psi,
        null,
        null,
        training.length,
        recent.length,
        recentTotal == 0 ? null : round((double) unseen / recentTotal),
        oddTotal == 0 ? null : round((double) oddUnseen / oddTotal));
  }

  /** Word counts over every {@code step}-th text from {@code first}. */
  private static Map<String, Integer> counts(String[] texts, int first, int step) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = first; i < texts.length; i += step) {
      if (texts[i] == null) {
        continue;
      }
      for (String word : TextRecords.words(texts[i])) {
        if (word.chars().anyMatch(Character::isLetter) && !STOP_WORDS.isStopword(word)) {
          counts.merge(word, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /**
   * Counts per bin: each top word, then every other word the training texts have (unseen words are
   * not binned).
   */
  private static double[] bins(
      Map<String, Integer> words, List<String> top, Map<String, Integer> vocabulary) {
    double[] bins = new double[top.size() + 1];
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < top.size(); i++) {
      position.put(top.get(i), i);
    }
    words.forEach(
        (word, count) -> {
          Integer bin = position.get(word);
          if (bin != null) {
            bins[bin] += count;
          } else if (vocabulary.containsKey(word)) {
            bins[top.size()] += count;
          }
        });
    return bins;
  }

  private static double round(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}
