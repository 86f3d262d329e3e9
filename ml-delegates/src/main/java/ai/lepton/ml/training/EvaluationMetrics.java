package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.classifiers.Evaluation;
import weka.core.Attribute;

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
