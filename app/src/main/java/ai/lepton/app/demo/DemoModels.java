package ai.lepton.app.demo;

import ai.lepton.access.LeptonGroups;
import ai.lepton.api.DatasetIntake;
import ai.lepton.ml.dataset.DatasetFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start of the demo, four engagements go all the way so the decision processes and
 * forecasts work at once: `credit-risk` on credit-g (for `credit-application`), `churn-risk` on
 * wa_churn (for decisions with `churn-retention`), `sales-forecast` on monthly wine sales (for
 * {@code POST /api/forecasts}) and `grain-news` on the Reuters grain stories (for
 * `news-monitoring`, fed by {@link DemoNewsFeed}). Each is opened by `pm`, specified and fed by
 * `ds`, trained by the job executor and approved by `mro`, in a background thread so start-up does
 * not wait for training.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "lepton.demo.enabled", havingValue = "true")
public class DemoModels implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoModels.class);
  private static final Duration TRAINING_WAIT = Duration.ofMinutes(5);

  private record DemoModel(
      String key,
      String client,
      String modelName,
      String target,
      String resource,
      DatasetFormat format,
      String ruleSet,
      String intendedUse,
      Map<String, Object> requirements) {

    DemoModel(
        String key,
        String client,
        String modelName,
        String target,
        String resource,
        DatasetFormat format,
        String ruleSet,
        String intendedUse) {
      this(
          key,
          client,
          modelName,
          target,
          resource,
          format,
          ruleSet,
          intendedUse,
          Map.of(
              "problemType",
              "classification",
              "successMetric",
              "weightedAreaUnderROC",
              "successThreshold",
              0.7,
              "algorithms",
              "weka.classifiers.bayes.NaiveBayes\nweka.classifiers.trees.J48 -C 0.25 -M 2"));
    }
  }

  private static final List<DemoModel> MODELS =
      List.of(
          new DemoModel(
              "ENG-DEMO-CREDIT-RISK",
              "Demo Bank",
              "credit-risk",
              "class",
              "weka/gui/knowledgeflow/templates/credit-g.arff",
              DatasetFormat.ARFF,
              "credit-decision",
              "credit-application decides consumer credit; uncertain and large cases go to a credit officer"),
          new DemoModel(
              "ENG-DEMO-CHURN-RISK",
              "Demo Telco",
              "churn-risk",
              "churn",
              "demo/wa_churn.csv",
              DatasetFormat.CSV,
              "churn-retention",
              "customer-retention picks a retention action per customer; escalations go to an"
                  + " account manager"),
          new DemoModel(
              "ENG-DEMO-SALES-FORECAST",
              "Demo Wine Wholesaler",
              "sales-forecast",
              "Fortified",
              "demo/wine.arff",
              DatasetFormat.ARFF,
              null,
              "forecasts monthly fortified wine sales a year ahead for stock planning",
              Map.of(
                  "problemType",
                  "forecasting",
                  "timeAttribute",
                  "Date",
                  "horizon",
                  12,
                  "successMetric",
                  "maeRatioToSeasonalNaive",
                  "successThreshold",
                  1.0,
                  "algorithms",
                  "weka.classifiers.functions.LinearRegression\nweka.classifiers.trees.M5P")),
          new DemoModel(
              "ENG-DEMO-GRAIN-NEWS",
              "Demo Commodity Desk",
              "grain-news",
              "class-att",
              "demo/ReutersGrain-train.arff",
              DatasetFormat.ARFF,
              "news-monitoring",
              "news-monitoring reads each news"
                  + " item of the desk's feeds and sends likely grain-market news to a risk analyst; repeated items about"
                  + " one watched country are escalated",
              Map.of(
                  "problemType",
                  "classification",
                  "successMetric",
                  "weightedAreaUnderROC",
                  "successThreshold",
                  0.9,
                  "textAttributes",
                  "Text",
                  "algorithms",
                  "weka.classifiers.bayes.NaiveBayesMultinomial\nweka.classifiers.functions.SMO")));

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final DemoActors actors;
  private final DatasetIntake intake;

  public DemoModels(
      RuntimeService runtime,
      HistoryService history,
      TaskService tasks,
      DemoActors actors,
      DatasetIntake intake) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.actors = actors;
    this.intake = intake;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<DemoModel> missing =
        MODELS.stream()
            .filter(
                m ->
                    history
                            .createHistoricProcessInstanceQuery()
                            .processInstanceBusinessKey(m.key())
                            .count()
                        == 0)
            .toList();
    missing.forEach(this::open);
    if (!missing.isEmpty()) {
      Thread approver =
          new Thread(() -> missing.forEach(this::approveWhenTrained), "lepton-demo-approver");
      approver.setDaemon(true);
      approver.start();
    }
  }

  private void open(DemoModel model) {
    actors.as(
        "pm",
        LeptonGroups.PROJECT_MANAGERS,
        () ->
            runtime.startProcessInstanceByKey(
                DatasetIntake.PROCESS_KEY,
                model.key(),
                Map.of(
                    "client",
                    model.client(),
                    "engagementName",
                    "Demo model " + model.modelName())));
    actors.as(
        "ds",
        LeptonGroups.DATA_SCIENTISTS,
        () -> {
          Task requirements =
              tasks.createTaskQuery().processInstanceBusinessKey(model.key()).singleResult();
          Map<String, Object> values = new java.util.HashMap<>(model.requirements());
          values.put("intendedUse", "Demo: " + model.intendedUse());
          values.put("targetAttribute", model.target());
          values.put("modelName", model.modelName());
          if (model.ruleSet() != null) {
            values.put("ruleSets", model.ruleSet());
          }
          tasks.complete(requirements.getId(), values);
          return intake.receive(
              model.key(),
              model.resource().substring(model.resource().lastIndexOf('/') + 1),
              DemoActors.resource(model.resource()),
              model.format());
        });
  }

  private void approveWhenTrained(DemoModel model) {
    Instant deadline = Instant.now().plus(TRAINING_WAIT);
    while (Instant.now().isBefore(deadline)) {
      Task approval =
          tasks
              .createTaskQuery()
              .processInstanceBusinessKey(model.key())
              .taskDefinitionKey("Task_ApproveModel")
              .singleResult();
      if (approval != null) {
        actors.as(
            "mro",
            LeptonGroups.MODEL_RISK_OFFICERS,
            () -> {
              tasks.complete(
                  approval.getId(),
                  Map.of(
                      "approved",
                      true,
                      "approvalReason",
                      "Demo: approved on first start so the decision processes work out of the box"));
              return null;
            });
        LOG.info(
            "Demo model '{}' approved; it is deployed by engagement {}",
            model.modelName(),
            model.key());
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.warn(
        "Demo engagement {} did not reach 'Approve model' within {}", model.key(), TRAINING_WAIT);
  }
}
