package ai.lepton.ml.training;

import ai.lepton.ml.Json;
import ai.lepton.ml.forecasting.ForecastEvaluation;
import ai.lepton.ml.forecasting.RollingOrigins;
import ai.lepton.ml.forecasting.StepErrors;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A candidate's evaluation as training writes it and the registry keeps it (the champion's is the
 * same document): Weka's own figures under Weka's own names ({@link EvaluationMetrics}), the folds,
 * the curves a card draws, and the evidence an approver weighs beside them (fairness, importance,
 * informative words, a forecaster's time-ordered evaluation, what a node rebuilt of a worker's
 * figures). What approval, the card, the engagement record and monitoring read. Read from the
 * stored document by name; tests read real documents with {@link #strictly(Map)}, which fails on a
 * field training writes and this record lacks.
 *
 * @param numInstances the rows evaluated
 * @param evaluation how a forecaster was evaluated, in words (absent for cross-validation)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateMetrics(
    int numInstances,
    Double pctCorrect,
    Double pctIncorrect,
    Double pctUnclassified,
    Double kappa,
    Double weightedAreaUnderROC,
    Double weightedAreaUnderPRC,
    Double weightedPrecision,
    Double weightedRecall,
    Double weightedFMeasure,
    Double weightedMatthewsCorrelation,
    Double correlationCoefficient,
    Double meanAbsoluteError,
    Double rootMeanSquaredError,
    Double relativeAbsoluteError,
    Double rootRelativeSquaredError,
    Double meanAbsolutePercentageError,
    Double maeRatioToSeasonalNaive,
    Double seasonalNaiveMeanAbsoluteError,
    Double rollingOriginMeanAbsoluteError,
    Double rollingOriginMaeRatioToSeasonalNaive,
    String evaluation,
    Map<String, ClassFigures> perClass,
    ConfusionMatrix confusionMatrix,
    Folds folds,
    Map<String, RocCurve> roc,
    List<List<Double>> predictedVsActual,
    List<FairnessAssessment> fairness,
    Importance importance,
    TextFigures text,
    ForecastFigures forecast,
    CheckedOnNode checkedOnNode) {

  /** One class label's figures, one-vs-rest. */
  public record ClassFigures(
      Double precision,
      Double recall,
      Double fMeasure,
      Double truePositiveRate,
      Double falsePositiveRate,
      Double areaUnderROC) {}

  /**
   * Weka's confusion matrix: a row per actual class, a column per predicted class, both in the
   * order of {@code labels}.
   */
  public record ConfusionMatrix(List<String> labels, List<List<Double>> rows, String rowsAre) {

    /** How many rows actually have the label (its row's sum); 0 for a label not in the matrix. */
    public int support(String label) {
      int index = labels == null ? -1 : labels.indexOf(label);
      if (index < 0 || rows == null || index >= rows.size()) {
        return 0;
      }
      return (int) Math.round(rows.get(index).stream().mapToDouble(Double::doubleValue).sum());
    }
  }

  /**
   * The cross-validation cut back into its folds: accuracy (percent) or RMSE per fold with their
   * mean and standard deviation, and how the folds were built (Weka's own, or with repeated rows
   * kept in one fold).
   */
  public record Folds(
      String metric,
      List<Double> values,
      Double mean,
      Double stdDev,
      Boolean grouped,
      Integer repeatedRowsMoved) {}

  /** One class's ROC curve, thinned, with its area. */
  public record RocCurve(Double auc, List<List<Double>> points) {}

  /**
   * Group fairness of one protected attribute on the out-of-fold predictions, or why it could not
   * be measured ({@code notAssessed}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FairnessAssessment(
      String attribute,
      String notAssessed,
      String favourableLabel,
      String referenceGroup,
      Double lowestDisparateImpact,
      String leastFavouredGroup,
      List<GroupFigures> groups) {

    /** The reference group's figures, if it had rows. */
    public Optional<GroupFigures> reference() {
      return groups == null
          ? Optional.empty()
          : groups.stream().filter(g -> g.group().equals(referenceGroup)).findFirst();
    }
  }

  /** One group's rates and their differences from the reference group (null: undefined). */
  public record GroupFigures(
      String group,
      int rows,
      Double selectionRate,
      Double truePositiveRate,
      Double falsePositiveRate,
      Double statisticalParityDifference,
      Double disparateImpact,
      Double equalOpportunityDifference) {}

  /** Permutation importance on the out-of-fold rows, measured on the engagement's metric. */
  public record Importance(
      String metric,
      Boolean higherIsBetter,
      Double unshuffled,
      Integer rows,
      Integer repeats,
      Long seed,
      List<AttributeImportance> attributes) {}

  /**
   * How much the metric drops when one attribute's values are shuffled, its spread over the
   * repeats, its rank, and whether it counts among the important ones.
   */
  public record AttributeImportance(
      String attribute, Double drop, Double spread, Integer rank, Boolean important) {}

  /**
   * A learner on word vectors: its text attributes, the word-vector options, the dictionary, the
   * informative words per class, and the Weka command as the Explorer runs it.
   */
  public record TextFigures(
      List<String> attributes,
      String wordVectorOptions,
      Integer dictionarySize,
      List<ClassWords> informativeWords,
      String wekaCommand) {}

  /** The texts of one class and the words that most set it apart. */
  public record ClassWords(
      @JsonProperty("class") String label, Integer texts, List<InformativeWord> words) {}

  /**
   * A word, its log odds for the class, how many of the class's texts carry it, and its share of
   * the class's texts and of the others' (null without others).
   */
  public record InformativeWord(
      String word,
      Double logOdds,
      Integer textsOfClass,
      Double shareOfClass,
      Double shareElsewhere) {}

  /**
   * A forecaster's series and the periods it was trained on and judged on. A version registered
   * before models forecast several series has no {@code targets}: its one series' steps, held-out
   * periods and rolling origins are here, its figures at the top of the document (read as one
   * series by {@link ai.lepton.ml.forecasting.SeriesFigures}).
   */
  public record ForecastFigures(
      String timeAttribute,
      String periodicity,
      Integer seasonLength,
      Integer horizon,
      List<String> overlays,
      Integer skipPeriods,
      Integer trainingPeriods,
      Integer testPeriods,
      List<SeriesFigures> targets,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<StepErrors> steps,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<StepErrors> seasonalNaiveSteps,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<ForecastEvaluation.HeldOutPeriod> heldOut,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<RollingOrigins.Origin> rollingOrigins) {

    /** The figures of the series of that name, if forecast. */
    public Optional<SeriesFigures> series(String target) {
      return targets == null
          ? Optional.empty()
          : targets.stream().filter(t -> t.target().equals(target)).findFirst();
    }
  }

  /** One series' time-ordered evaluation, beside the seasonal-naive forecast's. */
  public record SeriesFigures(
      String target,
      Double meanAbsoluteError,
      Double rootMeanSquaredError,
      Double meanAbsolutePercentageError,
      Double maeRatioToSeasonalNaive,
      Double seasonalNaiveMeanAbsoluteError,
      Double rollingOriginMeanAbsoluteError,
      Double rollingOriginMaeRatioToSeasonalNaive,
      List<StepErrors> steps,
      List<StepErrors> seasonalNaiveSteps,
      List<ForecastEvaluation.HeldOutPeriod> heldOut,
      List<RollingOrigins.Origin> rollingOrigins) {}

  /**
   * What the node rebuilt of a standalone worker's figures: a fold of the cross-validation, or for
   * a forecaster a part of its time-ordered evaluation.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CheckedOnNode(
      Integer fold, Integer folds, String part, Integer origins, String note) {}

  /** Whether the candidate predicts a class label. */
  public boolean classification() {
    return pctCorrect != null;
  }

  /** Whether the candidate forecasts series. */
  public boolean forecasting() {
    return forecast != null;
  }

  /** The problem as the approval rules name it. */
  public String problem() {
    return classification() ? "classification" : forecasting() ? "forecasting" : "regression";
  }

  /**
   * One top-level figure by Weka's name (the requirements' success metric), null when the document
   * has none.
   */
  public Double figure(String name) {
    return switch (name) {
      case "numInstances" -> (double) numInstances;
      case "pctCorrect" -> pctCorrect;
      case "pctIncorrect" -> pctIncorrect;
      case "pctUnclassified" -> pctUnclassified;
      case "kappa" -> kappa;
      case "weightedAreaUnderROC" -> weightedAreaUnderROC;
      case "weightedAreaUnderPRC" -> weightedAreaUnderPRC;
      case "weightedPrecision" -> weightedPrecision;
      case "weightedRecall" -> weightedRecall;
      case "weightedFMeasure" -> weightedFMeasure;
      case "weightedMatthewsCorrelation" -> weightedMatthewsCorrelation;
      case "correlationCoefficient" -> correlationCoefficient;
      case "meanAbsoluteError" -> meanAbsoluteError;
      case "rootMeanSquaredError" -> rootMeanSquaredError;
      case "relativeAbsoluteError" -> relativeAbsoluteError;
      case "rootRelativeSquaredError" -> rootRelativeSquaredError;
      case "meanAbsolutePercentageError" -> meanAbsolutePercentageError;
      case "maeRatioToSeasonalNaive" -> maeRatioToSeasonalNaive;
      case "seasonalNaiveMeanAbsoluteError" -> seasonalNaiveMeanAbsoluteError;
      case "rollingOriginMeanAbsoluteError" -> rollingOriginMeanAbsoluteError;
      case "rollingOriginMaeRatioToSeasonalNaive" -> rollingOriginMaeRatioToSeasonalNaive;
      default -> null;
    };
  }

  /** As {@link #figure}, NaN where the document has none. */
  public double figureOrNaN(String name) {
    Double value = figure(name);
    return value == null ? Double.NaN : value;
  }

  /**
   * The stored document as this record (a field of an older version's document that is gone is
   * skipped).
   */
  public static CandidateMetrics of(Map<String, Object> metrics) {
    return Json.convert(metrics, CandidateMetrics.class);
  }

  /** The stored document as this record, failing on a field the record does not know. */
  public static CandidateMetrics strictly(Map<String, Object> metrics) {
    return Json.convertStrictly(metrics, CandidateMetrics.class);
  }
}
