package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.classifiers.Evaluation;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.evaluation.ThresholdCurve;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/** Reads the numbers of a Weka {@link Evaluation} into a map keyed by Weka's own method names. */
public final class EvaluationMetrics {

  private EvaluationMetrics() {}

  public static Map<String, Object> of(Evaluation eval, Attribute classAttribute) throws Exception {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("numInstances", eval.numInstances());
    if (classAttribute.isNominal()) {
      metrics.put("pctCorrect", eval.pctCorrect());
      metrics.put("pctIncorrect", eval.pctIncorrect());
      metrics.put("pctUnclassified", eval.pctUnclassified());
      metrics.put("kappa", eval.kappa());
      metrics.put("weightedAreaUnderROC", eval.weightedAreaUnderROC());
      metrics.put("weightedAreaUnderPRC", eval.weightedAreaUnderPRC());
      metrics.put("weightedPrecision", eval.weightedPrecision());
      metrics.put("weightedRecall", eval.weightedRecall());
      metrics.put("weightedFMeasure", eval.weightedFMeasure());
      metrics.put("weightedMatthewsCorrelation", eval.weightedMatthewsCorrelation());
      metrics.put("meanAbsoluteError", eval.meanAbsoluteError());
      metrics.put("rootMeanSquaredError", eval.rootMeanSquaredError());
      metrics.put("perClass", perClass(eval, classAttribute));
      metrics.put("confusionMatrix", confusionMatrix(eval, classAttribute));
    } else {
      metrics.put("correlationCoefficient", eval.correlationCoefficient());
      metrics.put("meanAbsoluteError", eval.meanAbsoluteError());
      metrics.put("rootMeanSquaredError", eval.rootMeanSquaredError());
      metrics.put("relativeAbsoluteError", eval.relativeAbsoluteError());
      metrics.put("rootRelativeSquaredError", eval.rootRelativeSquaredError());
    }
    return metrics;
  }

  /**
   * The cross-validation's own predictions cut back into its folds (Weka evaluates fold 0 first,
   * and its {@code testCV} gives the first {@code rows % folds} folds one row more): accuracy per
   * fold in percent for a class label, RMSE per fold for a number, with their mean and standard
   * deviation. How far the folds disagree says how far the single figure can be trusted.
   */
  public static Map<String, Object> perFold(Evaluation eval, int rows, int folds) {
    int[] sizes = new int[folds];
    for (int fold = 0; fold < folds; fold++) {
      sizes[fold] = rows / folds + (fold < rows % folds ? 1 : 0);
    }
    return perFold(eval, sizes);
  }

  /**
   * As {@link #perFold(Evaluation, int, int)}, for test folds of the given sizes (in the order
   * evaluated).
   */
  public static Map<String, Object> perFold(Evaluation eval, int[] sizes) {
    int rows = java.util.Arrays.stream(sizes).sum();
    int folds = (int) java.util.Arrays.stream(sizes).filter(size -> size > 0).count();
    List<Prediction> predictions = eval.predictions();
    Map<String, Object> result = new LinkedHashMap<>();
    if (predictions == null || predictions.size() != rows || rows == 0) {
      return result;
    }
    boolean nominal = predictions.get(0) instanceof NominalPrediction;
    List<Double> values = new ArrayList<>();
    int next = 0;
    for (int size : sizes) {
      if (size == 0) {
        continue;
      }
      double weight = 0;
      double sum = 0;
      for (Prediction p : predictions.subList(next, next + size)) {
        weight += p.weight();
        sum +=
            nominal
                ? (p.predicted() == p.actual() ? p.weight() : 0)
                : p.weight() * (p.predicted() - p.actual()) * (p.predicted() - p.actual());
      }
      next += size;
      values.add(nominal ? 100 * sum / weight : Math.sqrt(sum / weight));
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double variance =
        values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, folds - 1);
    result.put("metric", nominal ? "pctCorrect" : "rootMeanSquaredError");
    result.put("values", values);
    result.put("mean", mean);
    result.put("stdDev", Math.sqrt(variance));
    return result;
  }

  /** Points a model card draws: at most this many per curve. */
  static final int CURVE_POINTS = 60;

  /**
   * What the model card draws, from the cross-validation's own predictions: for a class label, each
   * class's ROC curve (Weka's {@link ThresholdCurve}, thinned to {@value #CURVE_POINTS} points,
   * ends kept) with its AUC; for a number, up to 300 (actual, predicted) pairs spread over the
   * whole run.
   */
  public static Map<String, Object> curves(Evaluation eval, Attribute classAttribute) {
    Map<String, Object> curves = new LinkedHashMap<>();
    List<Prediction> predictions = eval.predictions();
    if (predictions == null || predictions.isEmpty()) {
      return curves;
    }
    if (classAttribute.isNominal()) {
      Map<String, Object> roc = new LinkedHashMap<>();
      ArrayList<Prediction> all = new ArrayList<>(predictions);
      for (int c = 0; c < classAttribute.numValues(); c++) {
        Instances curve = new ThresholdCurve().getCurve(all, c);
        if (curve == null || curve.numInstances() == 0) {
          continue;
        }
        int fpr = curve.attribute(ThresholdCurve.FP_RATE_NAME).index();
        int tpr = curve.attribute(ThresholdCurve.TP_RATE_NAME).index();
        List<List<Double>> points = new ArrayList<>();
        int step = Math.max(1, curve.numInstances() / CURVE_POINTS);
        for (int i = 0; i < curve.numInstances(); i += step) {
          points.add(List.of(curve.instance(i).value(fpr), curve.instance(i).value(tpr)));
        }
        Instance last = curve.lastInstance();
        points.add(List.of(last.value(fpr), last.value(tpr)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("auc", eval.areaUnderROC(c));
        entry.put("points", points);
        roc.put(classAttribute.value(c), entry);
      }
      curves.put("roc", roc);
    } else {
      List<List<Double>> pairs = new ArrayList<>();
      int step = Math.max(1, predictions.size() / 300);
      for (int i = 0; i < predictions.size(); i += step) {
        pairs.add(List.of(predictions.get(i).actual(), predictions.get(i).predicted()));
      }
      curves.put("predictedVsActual", pairs);
    }
    return curves;
  }

  private static Map<String, Object> perClass(Evaluation eval, Attribute classAttribute) {
    Map<String, Object> perClass = new LinkedHashMap<>();
    for (int c = 0; c < classAttribute.numValues(); c++) {
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("precision", eval.precision(c));
      stats.put("recall", eval.recall(c));
      stats.put("fMeasure", eval.fMeasure(c));
      stats.put("truePositiveRate", eval.truePositiveRate(c));
      stats.put("falsePositiveRate", eval.falsePositiveRate(c));
      stats.put("areaUnderROC", eval.areaUnderROC(c));
      perClass.put(classAttribute.value(c), stats);
    }
    return perClass;
  }

  private static Map<String, Object> confusionMatrix(Evaluation eval, Attribute classAttribute) {
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < classAttribute.numValues(); c++) {
      labels.add(classAttribute.value(c));
    }
    List<List<Double>> rows = new ArrayList<>();
    for (double[] row : eval.confusionMatrix()) {
      List<Double> cells = new ArrayList<>();
      for (double cell : row) {
        cells.add(cell);
      }
      rows.add(cells);
    }
    Map<String, Object> matrix = new LinkedHashMap<>();
    matrix.put("labels", labels);
    matrix.put("rows", rows);
    matrix.put("rowsAre", "actual class; columns are the predicted class, in the order of labels");
    return matrix;
  }
}
