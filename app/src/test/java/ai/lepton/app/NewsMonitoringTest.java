package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import ai.lepton.access.LeptonGroups;
import ai.lepton.app.demo.DemoActors;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.dataset.TextColumns;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.NewModelVersion;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.ml.scoring.LoggedDecision;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CrossValidationTrainer;
import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.training.TextLearner;
import ai.lepton.ml.training.TrainingResult;
import ai.lepton.news.NewsItems;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * News monitoring end to end on real news: a text model trained on the Reuters grain stories
 * (NaiveBayesMultinomial on word vectors), Reuters test stories it never saw arriving through
 * Camel's feed component (a local RSS file read every second) and as a dropped RSS file, the
 * news-monitoring process and rules deciding each item once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsMonitoringTest extends ProcessTestSupport {

  private static final String MODEL = "grain-news-test";
  private static final String KEY = "ENG-TEST-GRAIN-NEWS";

  @Autowired DatasetStore datasets;
  @Autowired ModelRegistry registry;
  @Autowired DeployedModels deployed;
  @Autowired ai.lepton.ml.engagement.RequirementsRecord requirements;
  @Autowired DecisionLog log;
  @Autowired NewsItems items;
  @Autowired HistoryService history;

  @Value("${lepton.ingest.inbox}")
  String inbox;

  private Classifier model;
  private Instances header;
  private Instances stories;

  @BeforeAll
  void deployAGrainNewsModel() throws Exception {
    byte[] bytes = DemoActors.resource("demo/ReutersGrain-train.arff");
    DatasetReader.Parsed parsed = DatasetReader.read(bytes, DatasetFormat.ARFF);
    StoredDataset raw = datasets.storeUpload(KEY, "ReutersGrain-train.arff", bytes, parsed, "ds");
    Instances prepared =
        DatasetPreparer.prepare(
                parsed.instances(),
                "class-att",
                ProblemType.CLASSIFICATION,
                List.of(),
                TextColumns.of(parsed.instances(), List.of(), "class-att"))
            .data();
    StoredDataset stored = datasets.storeDerived(raw, prepared, List.of());
    AlgorithmSpec learner =
        TextLearner.around(
            AlgorithmSpec.parse("weka.classifiers.bayes.NaiveBayesMultinomial"),
            prepared,
            Requirements.TextSettings.DEFAULT_OPTIONS);
    TrainingResult trained = CrossValidationTrainer.train(prepared, learner, 5, 1);
    String version =
        registry.register(
            new NewModelVersion(
                MODEL,
                KEY,
                null,
                1,
                "classification",
                "class-att",
                learner,
                1,
                5,
                stored.id(),
                stored.sha256(),
                trained));
    requirements.record(
        new Requirements(
            KEY,
            0,
            "test",
            "class-att",
            "classification",
            MODEL,
            "pctCorrect",
            0,
            learner.toString(),
            5,
            1,
            "",
            null,
            null,
            null,
            "ds",
            null,
            Instant.now(),
            "news-monitoring",
            null,
            null,
            Requirements.TextSettings.defaults()));
    registry.changeStatus(version, ModelStatus.CHAMPION, ModelRegistry.SYSTEM, "news test");
    registry.recordApproval(
        new Approval(
            version,
            KEY,
            true,
            "mro",
            "news test",
            Map.of("modelSha256", registry.get(version).modelSha256()),
            null,
            Instant.now()));
    registry.changeStatus(version, ModelStatus.DEPLOYED, "mro", "news test");
    deployed.refresh(MODEL);
    Object[] read = SerializationHelper.readAll(new ByteArrayInputStream(trained.modelBytes()));
    model = (Classifier) read[0];
    header = (Instances) read[1];
    header.setClassIndex(header.attribute("class-att").index());
    stories =
        new DataSource(new ByteArrayInputStream(DemoActors.resource("demo/ReutersGrain-test.arff")))
            .getDataSet();
    stories.setClass(stories.attribute("class-att"));
  }

  @Test
  void grainNewsAboutOneWatchedCountryIsReviewedThenEscalatedAndOtherNewsIsFiled()
      throws Exception {
    // Given test stories the model never saw: three about grain naming China that it reads as grain
    // news, and one
    // about something else naming no watched country
    List<String> china =
        pick(
            3,
            story ->
                story.label == 1
                    && story.text.contains("China")
                    && !story.text.contains("USSR")
                    && !story.text.contains("Egypt")
                    && story.probability >= 0.8);
    List<String> other =
        pick(
            1,
            story ->
                story.label == 0
                    && story.probability < 0.2
                    && !story.text.matches("(?s).*\\b(USSR|China|Egypt)\\b.*"));

    // When they arrive through the feed, one a poll at a time (as a live feed would bring them)
    List<String> feedItems = new ArrayList<>();
    for (String story : List.of(china.get(0), other.get(0), china.get(1), china.get(2))) {
      feedItems.add(story);
      writeFeed(Path.of(NEWS_FEED), feedItems, "feed-");
      await(
          () ->
              items.recent(null, 100).stream()
                      .filter(i -> i.key().startsWith("feed-"))
                      .filter(i -> i.decision() != null || i.errorMessage() != null)
                      .count()
                  >= feedItems.size());
    }

    // Then each item was decided once, in arrival order, with the facts beside the text from
    // Lepton's record
    List<NewsItems.Item> decided =
        items.recent(null, 100).stream()
            .filter(i -> i.key().startsWith("feed-"))
            .sorted(java.util.Comparator.comparing(NewsItems.Item::receivedAt))
            .toList();
    assertThat(decided)
        .extracting(NewsItems.Item::decision)
        .containsExactly(
            "REVIEW_NEGATIVE_NEWS", "IGNORE", "REVIEW_NEGATIVE_NEWS", "ESCALATE_CLIENT");
    assertThat(decided)
        .extracting(NewsItems.Item::client)
        .containsExactly("China", null, "China", "China");
    assertThat(decided).extracting(NewsItems.Item::earlierAlerts).containsExactly(0, 0, 1, 2);

    // the first waits for a risk analyst, with the article, the words that drove it and its
    // decision log entry
    ProcessInstance first = instance(decided.get(0));
    assertThat(first).isWaitingAt("Task_ReviewNegativeNews");
    Task review = tasks.createTaskQuery().processInstanceId(first.getId()).singleResult();
    assertThat(tasks.getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> LeptonGroups.RISK_ANALYSTS.equals(link.getGroupId()));
    assertThat((String) runtime.getVariable(first.getId(), "articleExcerpt"))
        .isEqualTo(
            china.get(0).length() <= 3900 ? china.get(0) : china.get(0).substring(0, 3899) + "…");
    assertThat((String) runtime.getVariable(first.getId(), "explanationSummary"))
        .contains("the word '");
    String decisionId = (String) runtime.getVariable(first.getId(), "decisionId");
    assertThat(decisionId).isEqualTo(decided.get(0).decisionId());
    LoggedDecision logged = log.find(decisionId).orElseThrow();
    assertThat(logged.ruleSet()).isEqualTo("news-monitoring");
    assertThat(logged.context())
        .containsEntry("client", "China")
        .containsEntry("earlierAlertsAboutClient", 0);
    assertThat(logged.features()).containsOnlyKeys("Text");
    assertThat(logged.explanation())
        .isNotEmpty()
        .allSatisfy(word -> assertThat(word).containsKey("word"));
    // the probability is the deployed model's own for the story
    assertThat(logged.probability()).isEqualTo(probability(china.get(0)));

    // the escalation asks for an assessment of the client, at a higher priority
    ProcessInstance escalated = instance(decided.get(3));
    assertThat(escalated).isWaitingAt("Task_AssessClientEscalation");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(escalated.getId())
                .singleResult()
                .getPriority())
        .isGreaterThan(review.getPriority());
    assertThat(log.find(decided.get(3).decisionId()).orElseThrow().reason())
        .contains("2 earlier items about China");

    // the other story was filed without a person
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(decided.get(1).id())
                .singleResult()
                .getEndActivityId())
        .isEqualTo("EndEvent_Filed");

    // and the feed read again every second decides nothing twice
    Thread.sleep(2500);
    assertThat(items.recent(null, 100).stream().filter(i -> i.key().startsWith("feed-")).count())
        .isEqualTo(4);

    // A dismissal needs a reason; the analyst's answer is kept as a review and as the decision's
    // outcome
    ensureUser("ratest", LeptonGroups.RISK_ANALYSTS);
    assertThatThrownBy(
            () ->
                as(
                    "ratest",
                    LeptonGroups.RISK_ANALYSTS,
                    complete(review, Map.of("negativeNews", "DISMISSED"))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("say why");
    as("ratest", LeptonGroups.RISK_ANALYSTS, complete(review, Map.of("negativeNews", "CONFIRMED")));
    assertThat(first).isEnded();
    assertThat(log.reviewsOf(decisionId))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reviewer()).isEqualTo("ratest");
              assertThat(r.finalDecision()).isEqualTo("CONFIRMED");
              assertThat(r.overruled()).isFalse();
            });
  }

  @Test
  void aDroppedFeedFileIsReadOnceAndMovedAside() throws Exception {
    List<String> two =
        pick(
            2,
            story -> story.label == 1 && story.text.contains("USSR") && story.probability >= 0.8);
    Path drop = Path.of(inbox, "news");
    Files.createDirectories(drop);
    writeFeed(drop.resolve("ussr.xml"), two, "drop-");
    await(() -> items.recent("USSR", 10).stream().filter(i -> i.decision() != null).count() == 2);
    await(() -> !Files.exists(drop.resolve("ussr.xml")));
    assertThat(Files.list(drop.resolve(".done")).map(p -> p.getFileName().toString()))
        .anyMatch(name -> name.endsWith("ussr.xml"));

    // the same file dropped again is read, and decides nothing twice
    writeFeed(drop.resolve("ussr-again.xml"), two, "drop-");
    await(() -> !Files.exists(drop.resolve("ussr-again.xml")));
    assertThat(items.recent("USSR", 10)).hasSize(2);

    // a file that is not a feed goes aside to .error, and nothing is recorded from it
    Files.writeString(drop.resolve("broken.xml"), "<rss><channel><item>unclosed");
    await(() -> !Files.exists(drop.resolve("broken.xml")));
    assertThat(Files.list(drop.resolve(".error")).map(p -> p.getFileName().toString()))
        .anyMatch(name -> name.endsWith("broken.xml"));
  }

  private record Story(String text, int label, double probability) {}

  private List<String> pick(int count, java.util.function.Predicate<Story> wanted)
      throws Exception {
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < stories.numInstances() && picked.size() < count; i++) {
      String text = stories.instance(i).stringValue(stories.attribute("Text"));
      Story story = new Story(text, (int) stories.instance(i).classValue(), probability(text));
      if (wanted.test(story)) {
        picked.add(text);
      }
    }
    assertThat(picked).as("test stories of that kind").hasSize(count);
    return picked;
  }

  /** The deployed model's probability that the story is about grain. */
  private double probability(String text) throws Exception {
    List<String> missing = new ArrayList<>();
    weka.core.Instance record =
        ai.lepton.ml.scoring.RecordScorer.toInstance(header, Map.of("Text", text), missing);
    synchronized (model) {
      return model.distributionForInstance(record)[header.classAttribute().indexOfValue("1")];
    }
  }

  private static void writeFeed(Path file, List<String> storiesInFeed, String keyPrefix)
      throws Exception {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>test news</title><link>https://lepton.ai/test</link><description>test</description>");
    for (String story : storiesInFeed) {
      xml.append("<item><title>")
          .append(escape(story.lines().findFirst().orElse("")))
          .append("</title><description>")
          .append(escape(story))
          .append("</description><guid>")
          .append(keyPrefix)
          .append(ai.lepton.ml.Sha256.hex(story.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .append("</guid></item>");
    }
    xml.append("</channel></rss>");
    Path partial = file.resolveSibling(file.getFileName() + ".part");
    Files.writeString(partial, xml);
    Files.move(
        partial,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private ProcessInstance instance(NewsItems.Item item) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(item.id())
        .singleResult();
  }

  private Supplier<Void> complete(Task task, Map<String, Object> values) {
    return () -> {
      tasks.complete(task.getId(), values);
      return null;
    };
  }

  private static void await(Supplier<Boolean> condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.get()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not reached within 30 s");
      }
      Thread.sleep(200);
    }
  }
}
