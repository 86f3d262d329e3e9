package ai.lepton.app.demo;

import ai.lepton.access.LeptonGroups;
import ai.lepton.api.DatasetIntake;
import ai.lepton.ml.dataset.DatasetFormat;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start of the demo configuration, opens engagement ENG-DEMO-CREDIT the way people would:
 * {@code pm} opens it, {@code ds} sets the requirements and sends German credit data ({@code
 * credit-g.arff}, carried by the Weka jar). Training then runs in the background and the engagement
 * waits for {@code mro} at "Approve model".
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "lepton.demo.enabled", havingValue = "true")
public class DemoEngagement implements ApplicationRunner {

  public static final String KEY = "ENG-DEMO-CREDIT";
  private static final String CREDIT_G = "weka/gui/knowledgeflow/templates/credit-g.arff";
  private static final Logger LOG = LoggerFactory.getLogger(DemoEngagement.class);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final DemoActors actors;
  private final DatasetIntake intake;

  public DemoEngagement(
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
    boolean exists =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(KEY).count() > 0;
    if (exists) {
      return;
    }
    ProcessInstance engagement =
        actors.as(
            "pm",
            LeptonGroups.PROJECT_MANAGERS,
            () ->
                runtime.startProcessInstanceByKey(
                    DatasetIntake.PROCESS_KEY,
                    KEY,
                    Map.of("client", "Demo Bank", "engagementName", "Credit risk scoring")));
    actors.as(
        "ds",
        LeptonGroups.DATA_SCIENTISTS,
        () -> {
          Task requirements =
              tasks.createTaskQuery().processInstanceId(engagement.getId()).singleResult();
          tasks.complete(
              requirements.getId(),
              Map.ofEntries(
                  Map.entry(
                      "intendedUse",
                      "Scores consumer credit applications for the bank's credit officers; a person"
                          + " decides every large or uncertain case"),
                  Map.entry("targetAttribute", "class"),
                  Map.entry("problemType", "classification"),
                  Map.entry("modelName", "credit-risk"),
                  Map.entry("successMetric", "weightedAreaUnderROC"),
                  Map.entry("successThreshold", 0.7),
                  Map.entry(
                      "algorithms",
                      "weka.classifiers.trees.J48 -C 0.25 -M 2\n"
                          + "weka.classifiers.bayes.NaiveBayes\n"
                          + "weka.classifiers.functions.Logistic -R 1.0E-8 -M -1"),
                  Map.entry("folds", 10),
                  Map.entry("seed", 1),
                  Map.entry("ruleSets", "credit-decision"),
                  // the approver weighs how each candidate treats these groups (EU AI Act Art. 10):
                  // a warning under 0.8
                  Map.entry("protectedAttributes", "personal_status\nage < 25\nforeign_worker"),
                  Map.entry("favourableLabel", "good")));
          return intake.receive(
              KEY, "credit-g.arff", DemoActors.resource(CREDIT_G), DatasetFormat.ARFF);
        });
    LOG.info(
        "Demo engagement {} opened with credit-g.arff; it trains in the background, then waits for 'mro' "
            + "at 'Approve model'",
        KEY);
  }
}
