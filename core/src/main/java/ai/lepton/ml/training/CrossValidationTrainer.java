package ai.lepton.ml.training;

import ai.lepton.ml.fairness.OutOfFoldFairness;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.evaluation.output.prediction.InMemory;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Trains the way the Weka Explorer does: k-fold cross-validation as {@link
 * Evaluation#crossValidateModel} runs it for the metrics, then one model on all the data. The same
 * data, options, folds and seed give Weka's numbers exactly, except when 5 % or more of the rows
 * repeat exactly: those are kept in one fold ({@link GroupedCrossValidation}), so a model is never
 * tested on a row it trained on; the metrics say whether that happened ({@code folds.grouped}).
 */
public final class CrossValidationTrainer {

  private CrossValidationTrainer() {}

  public static TrainingResult train(Instances data, AlgorithmSpec algorithm, int folds, int seed) {
    return train(data, algorithm, folds, seed, OutOfFoldFairness.Request.NONE, null);
  }

  /**
   * As {@link #train(Instances, AlgorithmSpec, int, int)}, with the evidence an approver weighs
   * beside the metrics, both from the same cross-validation's out-of-fold predictions: for each
   * protected attribute the requirements name, group fairness ({@code fairness} in the metrics),
   * and every attribute's permutation importance measured on {@code importanceMetric} ({@code
   * importance}; null: not measured).
   */
  public static TrainingResult train(
      Instances data,
      AlgorithmSpec algorithm,
      int folds,
      int seed,
      OutOfFoldFairness.Request fairness,
      SuccessMetric importanceMetric) {
    if (data.classIndex() < 0) {
      throw new IllegalArgumentException("The training data has no class attribute set");
    }
    if (folds < 2 || folds > data.numInstances()) {
      throw new IllegalArgumentException(
          String.format(
              "folds must be between 2 and the number of rows (%d), not %d",
              data.numInstances(), folds));
    }
    OutOfFoldFairness.check(fairness, data);
    long start = System.nanoTime();
    try {
      Evaluation evaluation = new Evaluation(data);
      InMemory outOfFold = fairness.isEmpty() ? null : new InMemory();
      if (outOfFold != null) {
        outOfFold.setAttributes(
            "first"); // the rows are kept whole; no copy of their values is needed
      }
      PermutationImportance importance =
          importanceMetric == null
              ? null
              : new PermutationImportance(
                  data, importanceMetric, folds, PermutationImportance.REPEATS, seed);
      GroupedCrossValidation.Folds built =
          GroupedCrossValidation.run(
              evaluation,
              algorithm.newClassifier(),
              data,
              folds,
              seed,
              outOfFold,
              importance == null ? GroupedCrossValidation.FoldModels.NONE : importance::fold);
      Classifier model = algorithm.newClassifier();
      model.buildClassifier(data);
      long millis = (System.nanoTime() - start) / 1_000_000;
      Map<String, Object> metrics = EvaluationMetrics.of(evaluation, data.classAttribute());
      Map<String, Object> perFold = EvaluationMetrics.perFold(evaluation, built.sizes());
      // how the folds were built, for the card: Weka's own, or with repeated rows kept in one fold
      perFold.put("grouped", built.grouped());
      perFold.put("repeatedRowsMoved", built.movedRows());
      metrics.put("folds", perFold);
      metrics.putAll(EvaluationMetrics.curves(evaluation, data.classAttribute()));
      if (outOfFold != null) {
        metrics.put("fairness", OutOfFoldFairness.assess(fairness, data, outOfFold));
      }
      if (importance != null) {
        metrics.put("importance", importance.result());
      }
      Map<String, Object> text = InformativeWords.of(model, data);
      if (!text.isEmpty()) {
        Map<String, Object> described = new java.util.LinkedHashMap<>(text);
        described.put(
            "wekaCommand", algorithm.toString()); // the learner on word vectors, as Weka runs it
        metrics.put("text", described);
      }
      return new TrainingResult(metrics, serialize(model, data), millis);
    } catch (InvalidAlgorithmException e) {
      throw e;
    } catch (Exception e) {
      throw new TrainingFailedException(
          String.format(
              "%s failed on %s: %s",
              algorithm,
              data.relationName(),
              e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }

  /**
   * Model and header, the layout the Weka Explorer writes and reads; SerializationHelper.read gives
   * the model.
   */
  static byte[] serialize(Classifier model, Instances data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // a text attribute's header keeps no text: the training texts stay in the dataset store, not in
    // every model file
    SerializationHelper.writeAll(
        out, new Object[] {model, ai.lepton.ml.scoring.TextRecords.headerFor(data)});
    return out.toByteArray();
  }
}
