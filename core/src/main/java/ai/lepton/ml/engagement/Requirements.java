package ai.lepton.ml.engagement;

import ai.lepton.ml.training.AlgorithmList;
import ai.lepton.ml.training.AlgorithmSpec;
import java.time.Instant;
import java.util.List;

/**
 * An engagement's requirements as recorded (one revision), and who set them. {@code ruleSets}: the
 * decision rule sets its models may be used with (comma-separated; none means no decision may use
 * them).
 */
public record Requirements(
    String engagementKey,
    int revision,
    String processInstanceId,
    String targetAttribute,
    String problemType,
    String modelName,
    String successMetric,
    double successThreshold,
    String algorithms,
    int folds,
    int seed,
    String piiColumns,
    String sqlSource,
    String sqlQuery,
    String expectedSchema,
    String setBy,
    String taskId,
    Instant recordedAt,
    String ruleSets,
    ForecastSettings forecast,
    Fairness fairness,
    TextSettings text) {

  /**
   * Group fairness a classifier is assessed on at validation (null: none): protected attributes one
   * per line ({@code personal_status}, {@code age < 25}), the favourable outcome (a class label)
   * and the disparate-impact floor under which the approval policy blocks (a warning from 0.8, the
   * four-fifths rule, down to it).
   */
  public record Fairness(String protectedAttributes, String favourableLabel, double floor) {

    /** The floor when requirements name none. */
    public static final double DEFAULT_FLOOR = 0.6;
  }

  /**
   * How free text is turned into word vectors inside every learner: the attributes named as text
   * (comma-separated; others are detected, {@code TextColumns}) and {@code StringToWordVector}'s
   * options in Weka's words (TF-IDF {@code -T -I}, lower case {@code -L}, stop words {@code
   * -stopwords-handler}, n-grams {@code -tokenizer}, words to keep {@code -W}). Never null on a
   * recorded revision: the defaults are recorded when none are given.
   */
  public record TextSettings(String attributes, String options) {

    /**
     * Lower case, the 1,000 commonest words per class, word counts weighted by TF-IDF, English stop
     * words left out.
     */
    public static final String DEFAULT_OPTIONS =
        "-W 1000 -L -C -T -I -stopwords-handler weka.core.stopwords.Rainbow";

    public static TextSettings defaults() {
      return new TextSettings(null, DEFAULT_OPTIONS);
    }

    /** The attributes named as text, in order. */
    public List<String> attributeNames() {
      return ai.lepton.ml.NameList.of(attributes);
    }
  }

  /** The word-vector settings, the defaults for a revision recorded before they existed. */
  public TextSettings textSettings() {
    return text == null ? TextSettings.defaults() : text;
  }

  /**
   * What a forecasting engagement forecasts over (null for classification and regression); {@code
   * alsoForecast}: the other series forecast jointly with the target (comma-separated, null for
   * none).
   */
  public record ForecastSettings(
      String timeAttribute, int horizon, String overlays, String skipPeriods, String alsoForecast) {

    /** The other series forecast with the target, in order. */
    public List<String> alsoForecastNames() {
      return ai.lepton.ml.NameList.of(alsoForecast);
    }

    /** The overlay inputs named, in order. */
    public List<String> overlayNames() {
      return ai.lepton.ml.NameList.of(overlays);
    }
  }

  public boolean forecasting() {
    return forecast != null;
  }

  /** The rule sets named, in order. */
  public List<String> ruleSetNames() {
    return ai.lepton.ml.NameList.of(ruleSets);
  }

  public List<AlgorithmSpec> algorithmSpecs() {
    return AlgorithmList.parse(algorithms);
  }

  /** The same requirements with other algorithms, set by another person at another task. */
  public Requirements withAlgorithms(String newAlgorithms, String by, String task) {
    return new Requirements(
        engagementKey,
        revision + 1,
        processInstanceId,
        targetAttribute,
        problemType,
        modelName,
        successMetric,
        successThreshold,
        newAlgorithms,
        folds,
        seed,
        piiColumns,
        sqlSource,
        sqlQuery,
        expectedSchema,
        by,
        task,
        Instant.now(),
        ruleSets,
        forecast,
        fairness,
        text);
  }

  public boolean hasSqlPull() {
    return sqlSource != null && !sqlSource.isBlank();
  }
}
