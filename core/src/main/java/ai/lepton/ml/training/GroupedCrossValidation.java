package ai.lepton.ml.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.evaluation.output.prediction.AbstractOutput;
import weka.core.Instance;
import weka.core.Instances;

/**
 * k-fold cross-validation in which rows that repeat exactly stay in one fold, so a model is never
 * tested on a row it trained on. It is Weka's own procedure ({@code Evaluation.crossValidateModel}:
 * shuffle with the seed, stratify, contiguous folds, each training set shuffled again), with one
 * change: a repeated row goes to the fold of its first occurrence. It applies from {@value
 * #GROUP_FROM_SHARE} of rows repeated, the share at which the data-quality rules tell the approver;
 * below it the figures are Weka's own to the last digit (wa_churn's 22 repeated customers of 7,043,
 * 0.3 %, move Weka's figures by less than its fold-to-fold spread).
 */
final class GroupedCrossValidation {

  /** The share of repeated rows from which folds are grouped. */
  static final double GROUP_FROM_SHARE = 0.05;

  /**
   * How the folds were built: sizes of the test folds, and how many repeated rows were moved to
   * their group's.
   */
  record Folds(int[] sizes, int movedRows, boolean grouped) {}

  private GroupedCrossValidation() {}

  /** Told of each fold's model and the rows it was tested on, once Weka has evaluated them. */
  @FunctionalInterface
  interface FoldModels {

    FoldModels NONE = (model, test) -> {};

    void tested(Classifier model, Instances test) throws Exception;
  }

  /**
   * {@code outOfFold}, when not null, receives every test row with its prediction (Weka's own
   * output); {@code foldModels} each fold's model with its test rows.
   */
  static Folds run(
      Evaluation evaluation,
      Classifier prototype,
      Instances original,
      int folds,
      int seed,
      AbstractOutput outOfFold,
      FoldModels foldModels)
      throws Exception {
    return run(evaluation, prototype, original, folds, seed, outOfFold, foldModels, fold -> true);
  }

  /**
   * As {@link #run(Evaluation, Classifier, Instances, int, int, AbstractOutput, FoldModels)},
   * building and testing only the folds {@code evaluated} accepts; the others are still drawn, so
   * each fold has the same rows as in the whole cross-validation ({@link FoldSpotCheck}).
   */
  static Folds run(
      Evaluation evaluation,
      Classifier prototype,
      Instances original,
      int folds,
      int seed,
      AbstractOutput outOfFold,
      FoldModels foldModels,
      java.util.function.IntPredicate evaluated)
      throws Exception {
    Object[] printing = outOfFold == null ? new Object[0] : new Object[] {outOfFold};
    if (repeatedRows(original) < GROUP_FROM_SHARE * original.numInstances()) {
      return weka(evaluation, prototype, original, folds, seed, outOfFold, foldModels, evaluated);
    }
    Random random = new Random(seed);
    Instances data = new Instances(original);
    data.randomize(random);
    if (data.classAttribute().isNominal()) {
      data.stratify(folds);
    }
    int rows = data.numInstances();
    int[] fold = new int[rows];
    for (int f = 0, row = 0; f < folds; f++) {
      int size = rows / folds + (f < rows % folds ? 1 : 0);
      for (int i = 0; i < size; i++) {
        fold[row++] = f;
      }
    }
    Map<String, Integer> groupFold = new HashMap<>();
    int moved = 0;
    for (int row = 0; row < rows; row++) {
      Integer first = groupFold.putIfAbsent(key(data.instance(row)), fold[row]);
      if (first != null && first != fold[row]) {
        fold[row] = first;
        moved++;
      }
    }
    int[] sizes = new int[folds];
    if (outOfFold != null) {
      outOfFold.setHeader(data);
      outOfFold.printHeader();
    }
    for (int f = 0; f < folds; f++) {
      Instances train = new Instances(data, rows);
      Instances test = new Instances(data, rows);
      for (int row = 0; row < rows; row++) {
        (fold[row] == f ? test : train).add(data.instance(row));
      }
      sizes[f] = test.numInstances();
      if (test.isEmpty()) {
        continue;
      }
      train.randomize(random);
      if (!evaluated.test(f)) {
        continue;
      }
      evaluation.setPriors(train);
      Classifier model = AbstractClassifier.makeCopy(prototype);
      model.buildClassifier(train);
      evaluation.evaluateModel(model, test, printing);
      foldModels.tested(model, test);
    }
    return new Folds(sizes, moved, true);
  }

  /**
   * Weka's {@code Evaluation.crossValidateModel}, step for step (shuffle with the seed, stratify a
   * class label, {@code trainCV} with the same random, priors from the training fold, a fresh copy
   * of the learner per fold, {@code testCV}), written out so that each fold's model can be looked
   * at once it is tested. The parity tests hold every figure to {@code crossValidateModel}'s own.
   */
  private static Folds weka(
      Evaluation evaluation,
      Classifier prototype,
      Instances original,
      int folds,
      int seed,
      AbstractOutput outOfFold,
      FoldModels foldModels,
      java.util.function.IntPredicate evaluated)
      throws Exception {
    Object[] printing = outOfFold == null ? new Object[0] : new Object[] {outOfFold};
    Random random = new Random(seed);
    Instances data = new Instances(original);
    data.randomize(random);
    if (data.classAttribute().isNominal()) {
      data.stratify(folds);
    }
    if (outOfFold != null) {
      outOfFold.setHeader(data);
      outOfFold.printHeader();
    }
    int[] sizes = new int[folds];
    for (int fold = 0; fold < folds; fold++) {
      Instances train =
          data.trainCV(folds, fold, random); // drawn for every fold: it moves the random on
      Instances test = data.testCV(folds, fold);
      sizes[fold] = test.numInstances();
      if (!evaluated.test(fold)) {
        continue;
      }
      evaluation.setPriors(train);
      Classifier model = AbstractClassifier.makeCopy(prototype);
      model.buildClassifier(train);
      evaluation.evaluateModel(model, test, printing);
      foldModels.tested(model, test);
    }
    if (outOfFold != null) {
      outOfFold.printFooter();
    }
    return new Folds(sizes, 0, false);
  }

  /** Rows that repeat an earlier row exactly, target included. */
  static int repeatedRows(Instances data) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    int repeated = 0;
    for (Instance row : data) {
      if (!seen.add(key(row))) {
        repeated++;
      }
    }
    return repeated;
  }

  private static String key(Instance row) {
    return Arrays.toString(row.toDoubleArray()) + row.weight();
  }
}
