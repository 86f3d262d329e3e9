package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Every learner on the default list trains with its defaults (nested learners and parts resolved by
 * Weka through the narrowed catalogue), and every way of naming a class that reads or writes a file
 * is refused before it is instantiated.
 */
class AllowedAlgorithmsTest {

  static Instances classification;
  static Instances regression;
  static Instances numericClassification;
  static Instances numericRegression;

  @BeforeAll
  static void creditG() throws Exception {
    try (var in =
        new InputStreamReader(
            AllowedAlgorithmsTest.class
                .getClassLoader()
                .getResourceAsStream("weka/gui/knowledgeflow/templates/credit-g.arff"),
            StandardCharsets.UTF_8)) {
      Instances all = new Instances(in);
      all.randomize(new Random(1));
      classification = new Instances(all, 0, 200);
      classification.setClassIndex(classification.numAttributes() - 1);
      regression = new Instances(classification);
      regression.setClassIndex(regression.attribute("credit_amount").index());
      numericClassification = new Instances(classification);
      for (int i = numericClassification.numAttributes() - 1; i >= 0; i--) {
        if (i != numericClassification.classIndex()
            && !numericClassification.attribute(i).isNumeric()) {
          numericClassification.deleteAttributeAt(i);
        }
      }
      numericRegression = new Instances(numericClassification);
      numericRegression.setClassIndex(numericRegression.attribute("credit_amount").index());
      numericRegression.deleteAttributeAt(numericRegression.numAttributes() - 1);
    }
  }

  static List<String> defaultLearners() {
    return AllowedAlgorithms.DEFAULTS.stream()
        .filter(
            name -> {
              try {
                return Classifier.class.isAssignableFrom(
                        Class.forName(name, false, AllowedAlgorithmsTest.class.getClassLoader()))
                    && !name.contains(".supportVector.");
              } catch (ClassNotFoundException e) {
                throw new AssertionError("On the default list but not in Weka: " + name);
              }
            })
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultLearners")
  void everyDefaultLearnerTrainsCrossValidatesIsStoredAndScores(String className) throws Exception {
    AlgorithmSpec spec = AlgorithmSpec.parse(className);
    Classifier learner = spec.newClassifier();
    Instances data =
        List.of(classification, regression, numericClassification, numericRegression).stream()
            .filter(candidate -> learner.getCapabilities().test(candidate))
            .findFirst()
            .orElseThrow(() -> new AssertionError(className + " takes none of credit-g's shapes"));
    TrainingResult trained = CrossValidationTrainer.train(data, spec, 3, 1);
    // read back as a deployment reads it: SHA-256 checked, classes filtered
    Classifier model =
        (Classifier)
            ai.lepton.ml.registry.ModelFileReader.read(
                    className, trained.modelBytes(), ai.lepton.ml.Sha256.hex(trained.modelBytes()))
                .get(0);
    assertThat(model.classifyInstance(data.instance(0))).isNotNaN();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      weka.classifiers.misc.SerializedClassifier -model /etc/passwd | weka.classifiers.misc.SerializedClassifier
      weka.classifiers.misc.InputMappedClassifier -L /etc/passwd | weka.classifiers.misc.InputMappedClassifier
      weka.classifiers.meta.CostSensitiveClassifier -C /etc/passwd | weka.classifiers.meta.CostSensitiveClassifier
      weka.classifiers.meta.Bagging -W weka.classifiers.misc.SerializedClassifier -- -model /etc/passwd | weka.classifiers.misc.SerializedClassifier
      weka.classifiers.meta.Bagging -W SerializedClassifier -- -model /etc/passwd | SerializedClassifier
      weka.classifiers.meta.Bagging -W zedClassifier -- -model /etc/passwd | zedClassifier
      weka.classifiers.meta.Bagging -W misc.InputMappedClassifier -- -L /etc/passwd | misc.InputMappedClassifier
      weka.classifiers.meta.Stacking -B "weka.classifiers.misc.InputMappedClassifier -L /etc/passwd" | weka.classifiers.misc.InputMappedClassifier
      weka.classifiers.functions.SMO -K "weka.classifiers.functions.supportVector.PrecomputedKernelMatrixKernel -M /etc/passwd" | PrecomputedKernelMatrixKernel
      weka.classifiers.meta.FilteredClassifier -F "weka.filters.supervised.attribute.AddClassification -serialized /etc/passwd" | weka.filters.supervised.attribute.AddClassification
      weka.classifiers.meta.FilteredClassifier -F "weka.filters.unsupervised.attribute.StringToWordVector -stopwords-handler \\"weka.core.stopwords.WordsFromFile -stopwords /etc/passwd\\"" | weka.core.stopwords.WordsFromFile
      weka.classifiers.meta.Vote -P /etc/passwd | -P of weka.classifiers.meta.Vote reads or writes a file
      weka.classifiers.meta.Stacking -B "weka.classifiers.meta.Vote -P /etc/passwd" | -P of weka.classifiers.meta.Vote reads or writes a file
      weka.classifiers.meta.Bagging -W weka.classifiers.meta.Vote -- -P /etc/passwd | -P of weka.classifiers.meta.Vote reads or writes a file
      weka.classifiers.bayes.BayesNet -B /etc/passwd | -B of weka.classifiers.bayes.BayesNet reads or writes a file
      weka.classifiers.meta.FilteredClassifier -F "weka.filters.unsupervised.attribute.StringToWordVector -dictionary /tmp/words" -W weka.classifiers.trees.J48 | -dictionary of weka.filters.unsupervised.attribute.StringToWordVector reads or writes a file
      weka.classifiers.pmml.consumer.Regression | weka.classifiers.pmml.consumer.Regression
      """)
  void classesThatReadFilesAreRefusedByName(String line, String named) {
    assertThatThrownBy(() -> AlgorithmSpec.parse(line))
        .isInstanceOf(InvalidAlgorithmException.class)
        .hasMessageContaining(named)
        .hasMessageNotContaining("stream header")
        .hasMessageNotContaining("No such file");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      weka.classifiers.trees.RandomForest -I 100 -S 1
      weka.classifiers.meta.Bagging -W weka.classifiers.trees.J48 -- -C 0.25
      weka.classifiers.meta.Bagging -W J48
      weka.classifiers.meta.Stacking -B "weka.classifiers.trees.J48 -C 0.25" -B weka.classifiers.bayes.NaiveBayes -M weka.classifiers.functions.Logistic
      weka.classifiers.functions.SMO -K "weka.classifiers.functions.supportVector.RBFKernel -G 0.01"
      weka.classifiers.lazy.IBk -K 5 -A "weka.core.neighboursearch.LinearNNSearch -A \\"weka.core.ManhattanDistance -R first-last\\""
      weka.classifiers.meta.FilteredClassifier -F "weka.filters.unsupervised.attribute.Standardize" -W weka.classifiers.functions.Logistic
      weka.classifiers.meta.Vote -B weka.classifiers.trees.J48 -B weka.classifiers.bayes.NaiveBayes -R AVG
      weka.classifiers.functions.MultilayerPerceptron -H a -N 50
      """)
  void allowedLearnersNestAsInWeka(String line) {
    assertThat(AlgorithmSpec.parse(line).newClassifier()).isNotNull();
  }

  @org.junit.jupiter.api.Test
  void noConfigurationAllowsAClassThatLoadsFiles() {
    assertThatThrownBy(
            () ->
                new AllowedAlgorithms(
                    List.of(
                        "weka.classifiers.trees.J48",
                        "weka.classifiers.misc.SerializedClassifier")))
        .hasMessageContaining("SerializedClassifier reads files");
    assertThatThrownBy(
            () -> new AllowedAlgorithms(List.of("weka.classifiers.pmml.consumer.Regression")))
        .hasMessageContaining("cannot be allowed");
  }
}
