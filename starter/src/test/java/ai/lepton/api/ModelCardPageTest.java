package ai.lepton.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.card.AnnexIvPoint;
import ai.lepton.ml.card.ModelCard;
import ai.lepton.ml.dataset.DatasetProfile;
import ai.lepton.ml.training.CandidateMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The card's page drawn from a typed card with the sections the engagement tests do not reach: a
 * learner on word vectors, a preparation recipe, the rule set versions, a challenger's trial.
 */
class ModelCardPageTest {

  @Test
  void theTypedCardRendersEverySection() {
    CandidateMetrics validation =
        CandidateMetrics.of(
            Map.of(
                "numInstances",
                20,
                "pctCorrect",
                85.0,
                "kappa",
                0.7,
                "rootMeanSquaredError",
                0.3,
                "folds",
                Map.of(
                    "metric",
                    "pctCorrect",
                    "values",
                    List.of(80.0, 90.0),
                    "mean",
                    85.0,
                    "stdDev",
                    5.0),
                "text",
                Map.of(
                    "attributes",
                    List.of("Text"),
                    "wordVectorOptions",
                    "-W 1000",
                    "dictionarySize",
                    120,
                    "wekaCommand",
                    "weka.classifiers.meta.FilteredClassifier -W J48",
                    "informativeWords",
                    List.of(
                        Map.of(
                            "class",
                            "spam",
                            "texts",
                            7,
                            "words",
                            List.of(
                                Map.of(
                                    "word",
                                    "prize",
                                    "logOdds",
                                    2.5,
                                    "textsOfClass",
                                    5,
                                    "shareOfClass",
                                    0.71,
                                    "shareElsewhere",
                                    0.05)))))));
    ModelCard card =
        new ModelCard(
            new ModelCard.Model(
                "mv-1", "spam-filter", "DEPLOYED", "ENG-1", "2026-01-01T00:00:00Z", "abc", "3.8.6"),
            new ModelCard.IntendedUse(
                "ACME", "Spam", null, "class", "classification", "pctCorrect threshold 80"),
            new ModelCard.Data(
                "ds-2",
                "def",
                20,
                2,
                List.of(
                    Map.of(
                        "filter",
                        "weka.filters.unsupervised.attribute.Remove",
                        "options",
                        "-R 3",
                        "reason",
                        "an identifier")),
                new ModelCard.SourceDataset("ds-1", "mails.csv", "ghi", 20, 3),
                new DatasetProfile(
                    20, 3, null, 1, null, Map.of("spam", 7L), 0.65, null, null, null),
                "PASS",
                List.of()),
            new ModelCard.Training("J48", "-C 0.25", "J48 -C 0.25", 1, 10, "stratified", 1, 42L),
            validation,
            List.of(
                new ModelCard.CardApproval(
                    true,
                    "mro",
                    "good",
                    "2026-01-02",
                    "abc",
                    "PASS",
                    List.of(),
                    List.of("w1"),
                    null)),
            List.of(new ModelCard.StatusEntry("DEPLOYED", "mro", "2026-01-02", "approved")),
            new ModelCard.Usage(
                3,
                Map.of("ACCEPT", 3L),
                List.of(
                    Map.of(
                        "ruleSet",
                        "spam-rules",
                        "version",
                        2,
                        "sha256",
                        "rs-sha",
                        "decisions",
                        3L,
                        "first",
                        "2026-01-03",
                        "last",
                        "2026-01-04"))),
            new ModelCard.Monitoring(
                List.of(), "no monitoring check has run for this version yet", List.of()),
            new ModelCard.ChallengerTrial(
                Map.of(
                    "summary",
                    "12 decisions answered in shadow",
                    "decisions",
                    12,
                    "minDecisions",
                    10,
                    "agreement",
                    0.75,
                    "decisionsChanged",
                    3,
                    "changes",
                    Map.of("ACCEPT → REJECT", 3),
                    "outcomes",
                    Map.of(
                        "measure", "accuracy", "labelled", 0, "champion", 0.9, "challenger", 0.8),
                    "championVersionIds",
                    List.of("mv-0")),
                List.of(
                    new ModelCard.TrialDecision(
                        true,
                        "mro",
                        "as good",
                        "2026-01-05",
                        "task-1",
                        Map.of("summary", "on 12 decisions")))),
            List.of(new AnnexIvPoint("1", "general description", List.of("model"))));

    Context context = new Context();
    context.setVariable("card", card);
    context.setVariable("roc", ModelCardCharts.roc(validation));
    context.setVariable("confusion", ModelCardCharts.confusion(validation));
    context.setVariable("scatter", ModelCardCharts.scatter(validation));
    context.setVariable("fairness", ModelCardCharts.fairness(validation));
    context.setVariable("importance", ModelCardCharts.importance(validation));
    context.setVariable("forecast", null);
    context.setVariable("forecastSeries", ModelCardCharts.forecast(validation));
    context.setVariable("drift", ModelCardCharts.drift(card.monitoring()));
    ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
    templates.setPrefix("templates/");
    templates.setSuffix(".html");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(templates);

    String page = engine.process("lepton/model-card", context);

    assertThat(page)
        .contains(
            "Model card: spam-filter",
            "not stated in the requirements",
            "mails.csv, 20 rows, 3 attributes",
            "1 rows with missing values",
            "; classes {spam=7}",
            "weka.filters.unsupervised.attribute.Remove -R 3: an identifier",
            "85.00 %",
            "pctCorrect: mean 85.000, standard deviation 5.000",
            "Words that most set the 7 texts of class spam apart",
            "<td>prize</td>",
            "5 (71.0 %)",
            "5.0 %",
            "keeps 120 words (options: -W 1000)",
            "<td>spam-rules</td>",
            "12 (10 needed before a decision)",
            "75.0%",
            "ACCEPT → REJECT",
            "0 labelled; champion 0.9000, challenger 0.8000",
            "<td>on 12 decisions</td>",
            "<td>promoted</td>",
            "<td>general description</td>")
        .doesNotContain("id=\"group-fairness\"", "id=\"permutation-importance\"");
  }
}
