package ai.lepton.ml.training;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Random;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Trains the way the Weka Explorer does: k-fold cross-validation with {@link Evaluation#crossValidateModel} for the
 * metrics, then one model on all the data. The same data, options, folds and seed give Weka's numbers exactly.
 */
public final class CrossValidationTrainer {

  private CrossValidationTrainer() {}

  public static TrainingResult train(Instances data, AlgorithmSpec algorithm, int folds, int seed) {
    if (data.classIndex() < 0) {
      throw new IllegalArgumentException("The training data has no class attribute set");
    }
    if (folds < 2 || folds > data.numInstances()) {
      throw new IllegalArgumentException(String.format(
          "folds must be between 2 and the number of rows (%d), not %d", data.numInstances(), folds));
    }
    long start = System.nanoTime();
    try {
      Evaluation evaluation = new Evaluation(data);
      evaluation.crossValidateModel(algorithm.newClassifier(), data, folds, new Random(seed));
      Classifier model = algorithm.newClassifier();
      model.buildClassifier(data);
      long millis = (System.nanoTime() - start) / 1_000_000;
      Map<String, Object> metrics = EvaluationMetrics.of(evaluation, data.classAttribute());
      metrics.put("folds", EvaluationMetrics.perFold(evaluation, data.numInstances(), folds));
      metrics.putAll(EvaluationMetrics.curves(evaluation, data.classAttribute()));
      return new TrainingResult(metrics, serialize(model, data), millis);
    } catch (InvalidAlgorithmException e) {
      throw e;
    } catch (Exception e) {
      throw new TrainingFailedException(String.format("%s failed on %s: %s", algorithm, data.relationName(),
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** Model and header, the layout the Weka Explorer writes and reads; SerializationHelper.read gives the model. */
  static byte[] serialize(Classifier model, Instances data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SerializationHelper.writeAll(out, new Object[] {model, new Instances(data, 0)});
    return out.toByteArray();
  }
}
