package ai.lepton.app;

import ai.lepton.ml.Sha256;
import ai.lepton.ml.registry.ModelFileReader;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.AllowedAlgorithms;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.TrainingResult;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Run inside the packaged jar's own class loader (Spring Boot's launcher, {@code loader.main}):
 * every learner of Lepton's default list, with its defaults, is trained and cross-validated by
 * Lepton, its model file read back through Lepton's filtered reader and asked for a prediction; the
 * cross-validation must equal Weka's own {@code Evaluation} of the learner that Weka resolves by
 * name in the same class loader. Prints one line per learner and exits with the number of failures.
 */
public final class LearnersInsideTheJar {

  private LearnersInsideTheJar() {}

  public static void main(String[] args) throws Exception {
    List<Instances> shapes =
        CreditShapes.of(
            LearnersInsideTheJar.class
                .getClassLoader()
                .getResourceAsStream("weka/gui/knowledgeflow/templates/credit-g.arff"));
    int failures = 0;
    for (String name : AllowedAlgorithms.DEFAULTS) {
      Class<?> type = Class.forName(name, false, LearnersInsideTheJar.class.getClassLoader());
      if (!Classifier.class.isAssignableFrom(type) || name.contains(".supportVector.")) {
        continue;
      }
      try {
        AlgorithmSpec spec = AlgorithmSpec.parse(name);
        Classifier probe = spec.newClassifier();
        Instances data =
            shapes.stream()
                .filter(shape -> probe.getCapabilities().test(shape))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("takes none of credit-g's shapes"));
        TrainingResult trained = CrossValidationTrainer.train(data, spec, 3, 1);
        Classifier model =
            (Classifier)
                ModelFileReader.read(name, trained.modelBytes(), Sha256.hex(trained.modelBytes()))
                    .get(0);
        double prediction = model.classifyInstance(data.instance(0));
        Evaluation weka = new Evaluation(data);
        weka.crossValidateModel(
            AbstractClassifier.forName(name, new String[0]), data, 3, new Random(1));
        double expected =
            data.classAttribute().isNominal() ? weka.pctCorrect() : weka.correlationCoefficient();
        Object actual =
            trained
                .metrics()
                .get(data.classAttribute().isNominal() ? "pctCorrect" : "correlationCoefficient");
        if (!(actual instanceof Number number)
            || Double.compare(number.doubleValue(), expected) != 0) {
          throw new IllegalStateException(
              "Lepton's cross-validation " + actual + " is not Weka's " + expected);
        }
        System.out.printf(
            "OK %s %s=%s prediction=%s%n",
            name,
            data.classAttribute().isNominal() ? "pctCorrect" : "correlation",
            Utils.doubleToString(expected, 6),
            Utils.doubleToString(prediction, 4));
      } catch (Exception | LinkageError e) {
        failures++;
        System.out.println("FAIL " + name + ": " + e);
      }
    }
    System.exit(failures);
  }

  /**
   * credit-g in the shapes learners take: nominal or numeric class, with or without nominal
   * attributes.
   */
  static final class CreditShapes {

    private CreditShapes() {}

    static List<Instances> of(java.io.InputStream arff) throws Exception {
      try (InputStreamReader in = new InputStreamReader(arff, StandardCharsets.UTF_8)) {
        Instances all = new Instances(in);
        all.randomize(new Random(1));
        Instances classification = new Instances(all, 0, 200);
        classification.setClassIndex(classification.numAttributes() - 1);
        Instances regression = new Instances(classification);
        regression.setClassIndex(regression.attribute("credit_amount").index());
        Instances numericClassification = new Instances(classification);
        for (int i = numericClassification.numAttributes() - 1; i >= 0; i--) {
          if (i != numericClassification.classIndex()
              && !numericClassification.attribute(i).isNumeric()) {
            numericClassification.deleteAttributeAt(i);
          }
        }
        Instances numericRegression = new Instances(numericClassification);
        numericRegression.setClassIndex(numericRegression.attribute("credit_amount").index());
        numericRegression.deleteAttributeAt(numericRegression.numAttributes() - 1);
        return List.of(classification, regression, numericClassification, numericRegression);
      }
    }
  }
}
