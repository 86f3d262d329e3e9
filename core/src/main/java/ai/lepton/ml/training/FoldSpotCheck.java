package ai.lepton.ml.training;

import ai.lepton.ml.Json;
import java.util.List;
import java.util.Optional;
import weka.classifiers.Evaluation;
import weka.core.Instances;

/**
 * Checks figures a standalone worker hands back without redoing its work: one fold of the
 * cross-validation, chosen by the node after the figures arrived, is rebuilt and tested on the node
 * exactly as the worker should have (same prepared data, learner, options, folds and seed: the same
 * training and test rows), and its figure (accuracy for a class, RMSE for a number) must equal the
 * one the worker reported for that fold; the overall figure must be the one its folds make. A
 * worker that ran another learner, other options, other data or another Weka gives itself away on
 * any fold; one that made figures up must make them up consistently for every fold it cannot know
 * will be checked. It costs the node one of the k models.
 */
public final class FoldSpotCheck {

  private FoldSpotCheck() {}

  /**
   * @param data the prepared data with its class set, as the worker was given it
   * @param fold the fold to rebuild (0-based), chosen by the caller at random
   * @return why the figures cannot be the ones this cross-validation makes; empty when they are
   */
  public static Optional<String> disagreement(
      Instances data,
      AlgorithmSpec algorithm,
      int folds,
      int seed,
      CandidateMetrics metrics,
      int fold)
      throws Exception {
    CandidateMetrics.Folds perFold = metrics.folds();
    if (perFold == null || perFold.values() == null || perFold.values().isEmpty()) {
      return Optional.of("the figures have no per-fold results (folds.values) to check");
    }
    List<Double> reported = perFold.values();
    Evaluation evaluation = new Evaluation(data);
    GroupedCrossValidation.Folds built =
        GroupedCrossValidation.run(
            evaluation,
            algorithm.newClassifier(),
            data,
            folds,
            seed,
            null,
            GroupedCrossValidation.FoldModels.NONE,
            f -> f == fold);
    int[] sizes = built.sizes();
    int nonEmpty = (int) java.util.Arrays.stream(sizes).filter(size -> size > 0).count();
    if (reported.size() != nonEmpty) {
      return Optional.of(
          "the figures report "
              + reported.size()
              + " folds where "
              + folds
              + "-fold cross-validation"
              + " of these "
              + data.numInstances()
              + " rows makes "
              + nonEmpty);
    }
    if (sizes[fold] == 0) {
      return Optional
          .empty(); // a fold with no rows (repeated rows moved to their group's fold): nothing to
      // rebuild
    }
    int index = (int) java.util.Arrays.stream(sizes, 0, fold).filter(size -> size > 0).count();
    CandidateMetrics.Folds recomputed =
        Json.convert(
            EvaluationMetrics.perFold(evaluation, new int[] {sizes[fold]}),
            CandidateMetrics.Folds.class);
    double ours = recomputed.values().get(0);
    double theirs = number(reported.get(index));
    if (!close(ours, theirs)
        || !String.valueOf(recomputed.metric()).equals(String.valueOf(perFold.metric()))) {
      return Optional.of(
          String.format(
              java.util.Locale.ROOT,
              "fold %d of %d rebuilt on the node gives %s %.6f, the" + " figures say %s %.6f",
              fold + 1,
              folds,
              recomputed.metric(),
              ours,
              perFold.metric(),
              theirs));
    }
    return overall(metrics, String.valueOf(recomputed.metric()), reported, sizes, data);
  }

  /** The overall accuracy or RMSE must be the one the reported folds make (rows of weight 1). */
  private static Optional<String> overall(
      CandidateMetrics metrics, String metric, List<Double> reported, int[] sizes, Instances data) {
    for (int row = 0; row < data.numInstances(); row++) {
      if (data.instance(row).weight() != 1.0) {
        return Optional.empty();
      }
    }
    Double stated = metrics.figure(metric);
    if (stated == null) {
      return Optional.of("the figures have no overall " + metric);
    }
    double sum = 0;
    int rows = 0;
    int index = 0;
    for (int size : sizes) {
      if (size == 0) {
        continue;
      }
      double value = number(reported.get(index++));
      sum += metric.equals("pctCorrect") ? value * size : value * value * size;
      rows += size;
    }
    double made = metric.equals("pctCorrect") ? sum / rows : Math.sqrt(sum / rows);
    return close(made, stated)
        ? Optional.empty()
        : Optional.of(
            String.format(
                java.util.Locale.ROOT,
                "the overall %s %.6f is not the %.6f its folds make",
                metric,
                stated,
                made));
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  }

  /** A fold's figure as a number: NaN where the figures have none. */
  private static double number(Double value) {
    return value == null ? Double.NaN : value;
  }
}
