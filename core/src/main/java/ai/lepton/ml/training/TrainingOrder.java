package ai.lepton.ml.training;

import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.fairness.OutOfFoldFairness;
import ai.lepton.ml.forecasting.ForecastSpec;
import ai.lepton.ml.forecasting.ForecastSpotCheck;
import ai.lepton.ml.forecasting.ForecastTrainer;
import java.util.List;
import weka.core.Instances;

/**
 * One candidate to train, as a worker is given it: everything comes from the engagement's recorded
 * requirements and its prepared dataset (never from what a worker or a variable says), so any
 * worker trains the same candidate the same way and its figures equal Weka's own for the same data,
 * options and seed.
 *
 * @param forecast the series settings of a forecasting engagement (null otherwise)
 * @param fairness the protected attributes and favourable outcome to assess the candidate on (null:
 *     none)
 * @param successMetric the engagement's success metric, on which the attributes' permutation
 *     importance is measured (null: not measured)
 * @param textOptions the word-vector options ({@code StringToWordVector}'s) for the prepared data's
 *     free text
 */
public record TrainingOrder(
    String externalTaskId,
    String engagementKey,
    String processInstanceId,
    int trainingRound,
    String modelName,
    String problemType,
    String targetAttribute,
    String algorithm,
    int folds,
    int seed,
    String datasetId,
    String datasetSha256,
    String datasetFormat,
    Forecast forecast,
    Fairness fairness,
    String successMetric,
    String textOptions) {

  /**
   * Group fairness to assess on the out-of-fold predictions: protected attributes, one per line,
   * and the label.
   */
  public record Fairness(String protectedAttributes, String favourableLabel) {

    public static Fairness of(Requirements.Fairness settings) {
      return settings == null
          ? null
          : new Fairness(settings.protectedAttributes(), settings.favourableLabel());
    }

    OutOfFoldFairness.Request request() {
      return OutOfFoldFairness.Request.parse(protectedAttributes, favourableLabel);
    }
  }

  /**
   * A forecasting engagement's series: the time attribute, the horizon, the overlays, the periods
   * to skip and the other series forecast with the target.
   */
  public record Forecast(
      String timeAttribute,
      int horizon,
      List<String> overlays,
      String skipPeriods,
      List<String> alsoForecast) {

    public static Forecast of(Requirements.ForecastSettings settings) {
      return new Forecast(
          settings.timeAttribute(),
          settings.horizon(),
          settings.overlayNames(),
          settings.skipPeriods(),
          settings.alsoForecastNames());
    }

    /** The target first, then the other series. */
    List<String> targets(String target) {
      List<String> targets = new java.util.ArrayList<>(List.of(target));
      if (alsoForecast != null) {
        targets.addAll(alsoForecast);
      }
      return targets;
    }
  }

  /**
   * How many parts of this order's evaluation a node may draw one from to check a worker's figures:
   * the folds of the cross-validation, or for a series the rolling origins the figures report (its
   * held-out evaluation is rebuilt every time).
   */
  public int checkableParts(CandidateMetrics metrics) {
    return forecast != null ? ForecastSpotCheck.parts(metrics, targetAttribute) : folds;
  }

  /** What part {@code part} (0-based) is, as the model's evidence names it. */
  public CandidateMetrics.CheckedOnNode checkedPart(CandidateMetrics metrics, int part) {
    return forecast != null
        ? new CandidateMetrics.CheckedOnNode(
            null,
            null,
            ForecastSpotCheck.partName(metrics, targetAttribute, part),
            checkableParts(metrics),
            "rebuilt on the node, equal to the worker's figures")
        : new CandidateMetrics.CheckedOnNode(
            part + 1,
            folds,
            null,
            null,
            "one fold rebuilt on the node equals the worker's figure for it");
  }

  /**
   * Why figures a worker handed back cannot be this order's evaluation, from one part of it rebuilt
   * here (a fold, {@link FoldSpotCheck}; for a series the held-out evaluation and a rolling origin,
   * {@link ForecastSpotCheck}); empty when they can.
   */
  public java.util.Optional<String> disagreement(Instances data, CandidateMetrics metrics, int part)
      throws Exception {
    if (forecast != null) {
      return ForecastSpotCheck.disagreement(
          data, forecastSpec(AlgorithmSpec.parse(algorithm)), metrics, part);
    }
    data.setClass(data.attribute(targetAttribute));
    return FoldSpotCheck.disagreement(
        data,
        TextLearner.around(AlgorithmSpec.parse(algorithm), data, textOptions),
        folds,
        seed,
        metrics,
        part);
  }

  /**
   * Trains and evaluates the candidate on the prepared dataset: k-fold cross-validation then the
   * final model on all rows, or for a series the time-ordered evaluation then the forecaster on the
   * whole series.
   */
  public TrainingResult train(Instances data) {
    AlgorithmSpec learner = AlgorithmSpec.parse(algorithm);
    if (forecast != null) {
      return ForecastTrainer.train(data, forecastSpec(learner));
    }
    data.setClass(data.attribute(targetAttribute));
    return CrossValidationTrainer.train(
        data,
        TextLearner.around(learner, data, textOptions),
        folds,
        seed,
        fairness == null ? OutOfFoldFairness.Request.NONE : fairness.request(),
        successMetric == null
            ? null
            : SuccessMetric.of(successMetric, ProblemType.of(problemType)));
  }

  private ForecastSpec forecastSpec(AlgorithmSpec learner) {
    return new ForecastSpec(
        forecast.targets(targetAttribute),
        forecast.timeAttribute(),
        forecast.horizon(),
        forecast.overlays(),
        learner,
        0,
        forecast.skipPeriods());
  }
}
