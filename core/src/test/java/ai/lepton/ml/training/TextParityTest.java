package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.TextColumns;
import ai.lepton.ml.engagement.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Free text is learned from its words, and the figures are Weka's: the Reuters-21578 grain stories
 * (the demo's data, one copy in the app's demo resources) read and prepared by Lepton, trained
 * through {@link TextLearner} and {@link CrossValidationTrainer}, against Weka's own {@code
 * FilteredClassifier} + {@code StringToWordVector} command cross-validated by {@link
 * Evaluation#crossValidateModel} with the same folds and seed.
 */
class TextParityTest {

  static final Path TRAIN = Path.of("../datasets/ReutersGrain-train.arff");
  static final String TARGET = "class-att";

  static Instances lepton;
  static Instances weka;

  @BeforeAll
  static void read() throws Exception {
    Instances raw = DatasetReader.read(Files.readAllBytes(TRAIN), DatasetFormat.ARFF).instances();
    Set<String> text = TextColumns.of(raw, List.of(), TARGET);
    assertThat(text).as("the stories are detected as free text").containsExactly("Text");
    lepton =
        DatasetPreparer.prepare(raw, TARGET, ProblemType.CLASSIFICATION, List.of(), text).data();
    weka = new DataSource(TRAIN.toString()).getDataSet();
    weka.setClass(weka.attribute(TARGET));
  }

  @Test
  void theTextStaysTextAndIsNeitherAnIdentifierNorACategory() {
    assertThat(lepton.attribute("Text").isString()).isTrue();
    assertThat(lepton.numAttributes()).isEqualTo(2);
    assertThat(lepton.numInstances()).isEqualTo(1554);
    // without the text detection the same column would be one label per story, which preparation
    // drops
    Instances asCategories =
        DatasetPreparer.prepare(weka, TARGET, ProblemType.CLASSIFICATION).data();
    assertThat(asCategories.attribute("Text")).isNotNull();
  }

  @ParameterizedTest(name = "{0} on word vectors")
  @ValueSource(
      strings = {
        "weka.classifiers.bayes.NaiveBayesMultinomial",
        "weka.classifiers.functions.SMO",
        "weka.classifiers.trees.J48 -C 0.25 -M 2"
      })
  void figuresEqualWekasOwnCommand(String learner) throws Exception {
    AlgorithmSpec wrapped =
        TextLearner.around(
            AlgorithmSpec.parse(learner), lepton, Requirements.TextSettings.DEFAULT_OPTIONS);
    assertThat(wrapped.className()).isEqualTo("weka.classifiers.meta.FilteredClassifier");
    assertThat(wrapped.options())
        .contains("StringToWordVector -R 1 " + Requirements.TextSettings.DEFAULT_OPTIONS);

    TrainingResult result = CrossValidationTrainer.train(lepton, wrapped, 10, 1);
    Classifier classifier =
        AbstractClassifier.forName(wrapped.className(), Utils.splitOptions(wrapped.options()));
    Evaluation expected = new Evaluation(weka);
    expected.crossValidateModel(classifier, weka, 10, new Random(1));

    Map<String, Object> metrics = result.metrics();
    assertThat(metrics.get("pctCorrect")).isEqualTo(expected.pctCorrect());
    assertThat(metrics.get("kappa")).isEqualTo(expected.kappa());
    assertThat(metrics.get("weightedAreaUnderROC")).isEqualTo(expected.weightedAreaUnderROC());
    assertThat(metrics.get("rootMeanSquaredError")).isEqualTo(expected.rootMeanSquaredError());
    assertThat(expected.pctCorrect()).as("the words carry the signal").isGreaterThan(90);
    System.out.printf(
        "%s: %.2f %% correct, kappa %.3f, AUC %.3f%n",
        learner, expected.pctCorrect(), expected.kappa(), expected.weightedAreaUnderROC());

    // the card's words come from the deployed model's own dictionary
    @SuppressWarnings("unchecked")
    Map<String, Object> text = (Map<String, Object>) metrics.get("text");
    assertThat(text.get("attributes")).isEqualTo(List.of("Text"));
    assertThat(text.get("wekaCommand")).isEqualTo(wrapped.toString());
    assertThat((int) text.get("dictionarySize")).isBetween(500, 5000);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> byClass = (List<Map<String, Object>>) text.get("informativeWords");
    @SuppressWarnings("unchecked")
    List<String> grainWords =
        ((List<Map<String, Object>>) byClass.get(1).get("words"))
            .stream().map(w -> w.get("word").toString()).toList();
    assertThat(grainWords).as("words of stories about grain").contains("wheat");

    // and the deployed model is Weka's FilteredClassifier, answering a story it never saw
    Object model = SerializationHelper.read(new java.io.ByteArrayInputStream(result.modelBytes()));
    assertThat(model.getClass().getName()).isEqualTo(wrapped.className());
  }

  @Test
  void aDecisionOnAStoryNamesTheWordsThatMovedIt() throws Exception {
    AlgorithmSpec wrapped =
        TextLearner.around(
            AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayesMultinomial"),
            lepton,
            Requirements.TextSettings.DEFAULT_OPTIONS);
    TrainingResult result = CrossValidationTrainer.train(lepton, wrapped, 2, 1);
    Object[] read =
        SerializationHelper.readAll(new java.io.ByteArrayInputStream(result.modelBytes()));
    Classifier model = (Classifier) read[0];
    Instances header = (Instances) read[1];
    header.setClassIndex(header.attribute(TARGET).index());
    String story =
        "CHINA BUYS U.S. WHEAT China bought 500,000 tonnes of U.S. wheat for shipment in May, the U.S."
            + " Agriculture Department said. The wheat is the first sale under the export enhancement program.";

    java.util.List<String> missing = new java.util.ArrayList<>();
    Instance record =
        ai.lepton.ml.scoring.RecordScorer.toInstance(header, Map.of("Text", story), missing);
    double[] distribution = model.distributionForInstance(record);
    assertThat(missing).isEmpty();
    assertThat(header.attribute("Text").numValues())
        .as("the model's header holds no training or decision text")
        .isZero();
    // the same story through Weka's own reading of a test file gives the same answer
    Classifier reference =
        AbstractClassifier.forName(wrapped.className(), Utils.splitOptions(wrapped.options()));
    reference.buildClassifier(weka);
    Instances test = new Instances(weka, 0);
    DenseInstance row = new DenseInstance(2);
    row.setDataset(test);
    row.setValue(test.attribute("Text"), story);
    row.setMissing(test.classIndex());
    assertThat(distribution).containsExactly(reference.distributionForInstance(row));
    assertThat(header.classAttribute().value(Utils.maxIndex(distribution))).isEqualTo("1");

    List<Map<String, Object>> words =
        ai.lepton.ml.scoring.TextRecords.explain(
            model, record, distribution, Utils.maxIndex(distribution));
    assertThat(words).isNotEmpty();
    assertThat(words.get(0)).containsEntry("attribute", "Text");
    assertThat(words.stream().map(w -> w.get("word")).toList()).contains("wheat");
    assertThat(words.stream().filter(w -> "wheat".equals(w.get("word"))).findFirst().orElseThrow())
        .containsEntry("occurrences", 3);

    // a story the model is sure of (no single word changes a certainty) is explained with its word
    // weights scaled
    // down together until the model is 0.9 sure: the words of grain lead, each raising the
    // probability
    assertThat(words)
        .allSatisfy(
            w -> assertThat(w).containsEntry("measure", "left out").containsKey("weightsScaledBy"));
    assertThat(words).allSatisfy(w -> assertThat((double) w.get("effect")).isPositive());
    System.out.println("words of the certain story: " + words);

    // a story certainly not about grain is explained too, though the model expects that of any text
    // (its prior)
    String earnings =
        "COBANCO INC YEAR NET Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000 Assets 510.2 mln vs 479.7"
            + " mln Deposits 472.3 mln vs 440.3 mln Loans 299.2 mln vs 327.2 mln";
    Instance earningsRecord =
        ai.lepton.ml.scoring.RecordScorer.toInstance(header, Map.of("Text", earnings), missing);
    double[] earningsDistribution = model.distributionForInstance(earningsRecord);
    assertThat(header.classAttribute().value(Utils.maxIndex(earningsDistribution))).isEqualTo("0");
    assertThat(
            ai.lepton.ml.scoring.TextRecords.explain(
                model, earningsRecord, earningsDistribution, Utils.maxIndex(earningsDistribution)))
        .isNotEmpty()
        .first()
        .satisfies(w -> assertThat((double) w.get("effect")).isPositive());

    // an uncertain text: leaving a word out of its vector is leaving it out of the text, the same
    // effect as scoring
    // the shorter text through the whole model
    String unsure =
        "Shares of the grain company rose after the board approved a dividend for wheat farmers";
    Instance unsureRecord =
        ai.lepton.ml.scoring.RecordScorer.toInstance(header, Map.of("Text", unsure), missing);
    double[] unsureDistribution = model.distributionForInstance(unsureRecord);
    int unsurePredicted = Utils.maxIndex(unsureDistribution);
    List<Map<String, Object>> unsureWords =
        ai.lepton.ml.scoring.TextRecords.explain(
            model, unsureRecord, unsureDistribution, unsurePredicted);
    assertThat(unsureWords)
        .isNotEmpty()
        .allSatisfy(w -> assertThat(w).containsEntry("measure", "left out"));
    for (Map<String, Object> word : unsureWords) {
      String without =
          String.join(
              " ",
              ai.lepton.ml.scoring.TextRecords.words(unsure).stream()
                  .filter(w -> !w.equals(word.get("word")))
                  .toList());
      Instance shorter =
          ai.lepton.ml.scoring.RecordScorer.toInstance(header, Map.of("Text", without), missing);
      assertThat((double) word.get("effect"))
          .as(word.get("word").toString())
          .isCloseTo(
              unsureDistribution[unsurePredicted]
                  - model.distributionForInstance(shorter)[unsurePredicted],
              org.assertj.core.api.Assertions.within(1e-4));
    }
  }

  @Test
  void wordVectorOptionsThatWriteFilesOrNameTheAttributesAreRefused() {
    assertThatThrownBy(() -> TextLearner.checkOptions("-dictionary /tmp/words"))
        .hasMessageContaining("reads or writes a file");
    assertThatThrownBy(() -> TextLearner.checkOptions("-R 1 -L"))
        .hasMessageContaining("Leave -R out");
    assertThatThrownBy(
            () -> TextLearner.checkOptions("-stopwords-handler weka.core.stopwords.WordsFromFile"))
        .hasMessageContaining("WordsFromFile");
    assertThatThrownBy(() -> TextLearner.checkOptions("-W many"))
        .hasMessageContaining("Weka refuses");
    TextLearner.checkOptions(Requirements.TextSettings.DEFAULT_OPTIONS);
    TextLearner.checkOptions(
        "-W 2000 -L -tokenizer \"weka.core.tokenizers.NGramTokenizer -min 1 -max 2\"");
  }
}
