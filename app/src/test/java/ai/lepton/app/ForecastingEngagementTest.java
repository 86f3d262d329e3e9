package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import ai.lepton.access.LeptonGroups;
import ai.lepton.api.DatasetIntake;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.forecasting.ForecastEvaluation;
import ai.lepton.ml.forecasting.ForecastSpec;
import ai.lepton.ml.forecasting.ForecastTrainer;
import ai.lepton.ml.forecasting.SeriesFigures;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.scoring.ScoringException;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CandidateMetrics;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The founding document's sales forecast through the engagement: monthly Australian fortified wine
 * sales (wine.arff), LinearRegression and M5P on a season of lags, evaluated on the last 12 months
 * held out.
 */
class ForecastingEngagementTest extends ProcessTestSupport {

  private static final String LINEAR = "weka.classifiers.functions.LinearRegression";
  private static final String M5P = "weka.classifiers.trees.M5P";
  private static int opened;

  @Autowired DatasetIntake intake;
  @Autowired DatasetStore datasets;
  @Autowired ModelRegistry registry;
  @Autowired RecordScorer scorer;
  @Autowired ai.lepton.ml.monitoring.MonitoringService monitoring;
  @Autowired ai.lepton.rules.RuleService rules;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired ai.lepton.ml.forecasting.LiveForecasts forecasts;

  @Test
  void theDatesAreKeptAndEachCandidateIsJudgedOnTheMonthsItNeverSaw() throws Exception {
    ProcessInstance pi = open();
    byte[] wine = wine();
    engagements.dataScientistCompletes(pi, requirements(null));
    // variables changed after the requirements were recorded change nothing: training reads the
    // record
    runtime.setVariable(pi.getId(), "timeAttribute", "Red");
    runtime.setVariable(pi.getId(), "horizon", 3);
    runtime.setVariable(pi.getId(), "problemType", "regression");
    as(
        "ds",
        LeptonGroups.DATA_SCIENTISTS,
        () -> intake.receive(pi.getBusinessKey(), "wine.arff", wine, DatasetFormat.ARFF));
    runJobs(pi);

    assertThat(String.valueOf(runtime.getVariable(pi.getId(), "qualityDropAttributes")))
        .doesNotContain("Date");
    assertThat(pi).isWaitingAt("Task_ApproveModel");
    List<ModelVersion> candidates = registry.findByEngagement(pi.getBusinessKey());
    assertThat(candidates)
        .hasSize(2)
        .allSatisfy(
            candidate -> {
              assertThat(candidate.folds()).isZero();
              assertThat(candidate.problemType()).isEqualTo("forecasting");
              assertThat(candidate.metrics())
                  .containsKeys("maeRatioToSeasonalNaive", "meanAbsoluteError", "forecast");
            });

    // the registered figures are the forecasting package's own on the prepared series
    ModelVersion linear =
        candidates.stream().filter(c -> c.algorithm().equals(LINEAR)).findFirst().orElseThrow();
    String prepared = (String) runtime.getVariable(pi.getId(), "preparedDatasetId");
    ForecastEvaluation expected =
        ForecastTrainer.evaluate(
                datasets.load(prepared),
                new ForecastSpec(
                    "Fortified", "Date", 12, List.of(), AlgorithmSpec.parse(LINEAR), 0))
            .get(0);
    assertThat(linear.metric("maeRatioToSeasonalNaive"))
        .isCloseTo(expected.maeRatioToSeasonalNaive(), within(1e-9));
    @SuppressWarnings("unchecked")
    Map<String, Object> series = (Map<String, Object>) linear.metrics().get("forecast");
    assertThat(series).containsEntry("periodicity", "MONTHLY").containsEntry("testPeriods", 12);
    List<CandidateMetrics.SeriesFigures> figures =
        SeriesFigures.of(CandidateMetrics.of(linear.metrics()), "Fortified");
    assertThat(figures)
        .singleElement()
        .satisfies(
            fortified -> {
              assertThat(fortified.steps()).hasSize(12);
              assertThat(fortified.heldOut()).hasSize(12);
            });

    // a champion that loses to last season's figures reaches the approver with that said
    String champion = (String) runtime.getVariable(pi.getId(), "modelVersionId");
    if (registry.get(champion).metric("maeRatioToSeasonalNaive") >= 1.0) {
      assertThat(String.valueOf(runtime.getVariable(pi.getId(), "policyWarnings")))
          .contains("seasonal naive");
    }

    // approved and deployed, the forecaster is no decision model: a decision with it is refused,
    // not a crash
    as(
        "mro",
        LeptonGroups.MODEL_RISK_OFFICERS,
        () -> {
          tasks.complete(
              task(pi).getId(),
              Map.of("approved", true, "approvalReason", "Beats last season's figures"));
          return null;
        });
    runJobs(pi);
    assertThat(registry.currentStatus(champion))
        .isEqualTo(ai.lepton.ml.registry.ModelStatus.DEPLOYED);
    // what it forecasts is what Weka's forecaster, built by hand the same way on the same series,
    // forecasts
    ModelVersion deployed = registry.get(champion);
    weka.classifiers.timeseries.WekaForecaster byHand =
        byHand("Fortified", deployed.algorithm() + " " + deployed.options());
    weka.core.Instances history = datasets.load(prepared);
    byHand.buildForecaster(history);
    byHand.primeForecaster(history);
    List<List<weka.classifiers.evaluation.NumericPrediction>> expectedForecast =
        byHand.forecast(12);
    ai.lepton.ml.forecasting.Forecast served = forecasts.forecast("fortified-sales-test", 12, null);
    assertThat(served.modelVersionId()).isEqualTo(champion);
    assertThat(served.periods()).hasSize(12);
    for (int step = 0; step < 12; step++) {
      assertThat(served.periods().get(step).forecast())
          .as("step %d", step + 1)
          .isCloseTo(expectedForecast.get(step).get(0).predicted(), within(1e-9));
    }
    assertThat(served.periods().get(0).period()).isEqualTo("1995-08-01");

    // stock-replenishment: the rules act on the forecast of the next three months (about 8,000 to
    // 9,000 litres)
    double demand = served.periods().subList(0, 3).stream().mapToDouble(p -> p.forecast()).sum();
    assertThat(replenish(demand * 3, 0)).containsEntry("decision", "HOLD");
    Map<String, Object> reorder = replenish(demand - 1000, 200);
    assertThat(reorder)
        .containsEntry("decision", "REORDER")
        .containsEntry("reorderQuantity", Math.ceil(demand + 200 - (demand - 1000)));
    assertThat(reorder.get("forecastId").toString()).startsWith("fc-");
    assertThat(replenish(10, 0)).containsEntry("decision", "EXPEDITE");
    ProcessInstance noModel =
        as(
            "pm",
            LeptonGroups.PROJECT_MANAGERS,
            () ->
                runtime.startProcessInstanceByKey(
                    "stock-replenishment",
                    Map.of(
                        "modelName",
                        "no-such-forecast",
                        "stockOnHand",
                        100,
                        "leadTimePeriods",
                        3)));
    assertThat(noModel).isEnded().hasPassed("EndEvent_NotDecided");
    assertThat(historyVariables(noModel.getId())).containsEntry("errorCode", "MODEL_NOT_FOUND");

    assertThatThrownBy(() -> scorer.score("fortified-sales-test", Map.of("Red", 1000)))
        .isInstanceOf(ScoringException.class)
        .hasMessageContaining("forecasts a series")
        .satisfies(
            e -> assertThat(((ScoringException) e).code()).isEqualTo("NOT_A_DECISION_MODEL"));
  }

  @Test
  void theLiveForecasterIsJudgedOnTheActualsThatComeInAndRetrainedWhenItFallsBehind()
      throws Exception {
    // trained on the series up to July 1994; the year after arrives later as monitoring data
    WineSplit split = WineSplit.ofLastYear();
    byte[] past = split.past();
    weka.core.Instances lastYear = split.lastYear();
    String head = split.head();
    ProcessInstance pi = open();
    Map<String, Object> requirements = requirements(null);
    requirements.put("algorithms", LINEAR);
    requirements.put("modelName", "fortified-sales-monitored");
    as(
        "ds",
        LeptonGroups.DATA_SCIENTISTS,
        () -> {
          tasks.complete(task(pi).getId(), requirements);
          return intake.receive(pi.getBusinessKey(), "wine-to-1994.arff", past, DatasetFormat.ARFF);
        });
    runJobs(pi);
    as(
        "mro",
        LeptonGroups.MODEL_RISK_OFFICERS,
        () -> {
          tasks.complete(
              task(pi).getId(),
              Map.of("approved", true, "approvalReason", "Beats last season's figures"));
          return null;
        });
    runJobs(pi);
    String live = (String) runtime.getVariable(pi.getId(), "modelVersionId");

    Map<String, Object> check =
        monitoring.check(live, lastYear, List.of(), "the year after the series", "ds");
    assertThat(check).containsEntry("forecastPeriodsChecked", 12);
    double recent = ((Number) check.get("recentForecastMae")).doubleValue();
    double approved = ((Number) check.get("approvedForecastMae")).doubleValue();
    assertThat(recent).isPositive();
    assertThat(approved).isEqualTo(registry.get(live).metric("meanAbsoluteError"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attributes = (List<Map<String, Object>>) check.get("attributes");
    assertThat(attributes).extracting(a -> a.get("attribute")).doesNotContain("Date", "Fortified");
    System.out.printf(
        "fortified sales, the year after the series: forecast MAE %.1f against %.1f approved%n",
        recent, approved);
    String verdict =
        rules
            .apply(
                ai.lepton.rules.RuleSet.MAINTENANCE,
                name -> name.equals("monitoringResult") ? check : null)
            .getDecision();
    assertThat(verdict)
        .isEqualTo(recent >= 1.5 * approved ? "RETRAIN" : recent >= 1.2 * approved ? "WARN" : "OK");

    // a year whose sales doubled arrives as the client sends it, through the monitoring-data route:
    // the maintenance
    // phase checks it at once, the forecast has fallen far behind, and the verdict is to retrain
    StringBuilder doubledArff = new StringBuilder(head);
    weka.core.Instances doubled = new weka.core.Instances(lastYear);
    int target = doubled.attribute("Fortified").index();
    doubled.forEach(row -> row.setValue(target, row.value(target) * 2));
    doubled.forEach(row -> doubledArff.append(row).append('\n'));
    ai.lepton.api.DatasetReceipt received =
        as(
            "ds",
            LeptonGroups.DATA_SCIENTISTS,
            () ->
                intake.receive(
                    pi.getBusinessKey(),
                    "wine-next-year.arff",
                    doubledArff.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    DatasetFormat.ARFF,
                    ai.lepton.process.ProcessMessage.MONITORING_DATA_RECEIVED.messageName()));
    runJobs(pi);
    List<Map<String, Object>> checks = monitoring.checksOf(live);
    assertThat(checks).isNotEmpty();
    Map<String, Object> behind = checks.get(0);
    assertThat(String.valueOf(behind.get("source"))).contains(received.datasetId());
    // the API's typed view of a check knows every field a forecaster's check writes
    assertThat(ai.lepton.ml.monitoring.MonitoringCheck.strictly(behind).forecastAgainstActual())
        .hasSize(12);
    assertThat(behind).containsEntry("forecastPeriodsChecked", 12);
    assertThat(((Number) behind.get("recentForecastMae")).doubleValue())
        .isGreaterThan(1.5 * approved);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("maintenanceVerdict")
                .list())
        .extracting(v -> v.getValue())
        .contains("RETRAIN");
    ai.lepton.rules.DecisionOutcome outcome =
        rules.apply(
            ai.lepton.rules.RuleSet.MAINTENANCE,
            name -> name.equals("monitoringResult") ? behind : null);
    assertThat(outcome.getDecision()).isEqualTo("RETRAIN");
    assertThat(outcome.getReason()).contains("the series has moved on");
  }

  /**
   * Two series forecast jointly (fortified and red wine): requirements name the other series, each
   * series is judged and shown on its own, the worst one decides the model's figures, the forecast
   * answers both, a replenishment asks for one of them, and monitoring catches the one that moved
   * while the other did not.
   */
  @Test
  void severalSeriesAreForecastJointlyAndEachIsJudgedAndCheckedOnItsOwn() throws Exception {
    WineSplit split = WineSplit.ofLastYear();
    byte[] past = split.past();
    ProcessInstance pi = open();
    Map<String, Object> requirements = requirements(null);
    requirements.remove(
        "algorithms"); // a forecast that names no learner is a linear regression, as in the seed
    requirements.put("horizon", 6);
    requirements.put("modelName", "wine-by-type-test");
    requirements.put("alsoForecast", "Fortified, Red");
    assertThatThrownBy(() -> engagements.dataScientistCompletes(pi, requirements))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'Fortified' is the target already");
    requirements.put("alsoForecast", "Red");
    requirements.put("successMetric", "meanAbsoluteError");
    assertThatThrownBy(() -> engagements.dataScientistCompletes(pi, requirements))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("in each series' own units");
    requirements.put("successMetric", "maeRatioToSeasonalNaive");
    // fortified sales to July 1994 fall faster than a linear forecast 6 months ahead follows (1.6
    // of the seasonal-naive
    // error, red 1.3): the worst series is the model's figure, and this engagement accepts up to
    // 1.75
    requirements.put("successThreshold", 1.75);
    as(
        "ds",
        LeptonGroups.DATA_SCIENTISTS,
        () -> {
          tasks.complete(task(pi).getId(), requirements);
          return intake.receive(pi.getBusinessKey(), "wine-to-1994.arff", past, DatasetFormat.ARFF);
        });
    runJobs(pi);
    String candidate = (String) runtime.getVariable(pi.getId(), "modelVersionId");
    ModelVersion version = registry.get(candidate);
    assertThat(version.algorithm()).isEqualTo(LINEAR);
    List<CandidateMetrics.SeriesFigures> figures =
        SeriesFigures.of(CandidateMetrics.of(version.metrics()), "Fortified");
    figures.forEach(
        f ->
            System.out.printf(
                "wine by type to July 1994, LinearRegression, 6 months ahead: %s MAE %.1f,"
                    + " %.3f of the seasonal-naive forecast's%n",
                f.target(), f.meanAbsoluteError(), f.maeRatioToSeasonalNaive()));
    assertThat(pi).isWaitingAt("Task_ApproveModel");
    assertThat(figures)
        .extracting(CandidateMetrics.SeriesFigures::target)
        .containsExactly("Fortified", "Red");
    assertThat(version.metric("maeRatioToSeasonalNaive"))
        .isEqualTo(
            figures.stream()
                .mapToDouble(CandidateMetrics.SeriesFigures::maeRatioToSeasonalNaive)
                .max()
                .orElseThrow());
    as(
        "mro",
        LeptonGroups.MODEL_RISK_OFFICERS,
        () -> {
          tasks.complete(
              task(pi).getId(),
              Map.of("approved", true, "approvalReason", "Both series beat last season"));
          return null;
        });
    runJobs(pi);

    // the forecast answers both series, as the package's joint forecaster built by hand on the same
    // series does
    weka.classifiers.timeseries.WekaForecaster byHand = byHand("Fortified,Red", LINEAR);
    weka.core.Instances series =
        datasets.load((String) runtime.getVariable(pi.getId(), "preparedDatasetId"));
    byHand.buildForecaster(series);
    byHand.primeForecaster(series);
    List<List<weka.classifiers.evaluation.NumericPrediction>> expected = byHand.forecast(6);
    ai.lepton.ml.forecasting.Forecast served = forecasts.forecast("wine-by-type-test", 6, null);
    assertThat(served.target()).isEqualTo("Fortified");
    assertThat(served.otherTargets())
        .singleElement()
        .satisfies(
            red -> {
              assertThat(red.target()).isEqualTo("Red");
              assertThat(red.periods()).hasSize(6);
            });
    for (int step = 0; step < 6; step++) {
      assertThat(served.periods().get(step).forecast())
          .isCloseTo(expected.get(step).get(0).predicted(), within(1e-9));
      assertThat(served.periodsOf("Red").orElseThrow().get(step).forecast())
          .isCloseTo(expected.get(step).get(1).predicted(), within(1e-9));
    }

    // a replenishment of red wine asks the model for that series; a series it does not forecast is
    // a BPMN error
    double redDemand =
        served.periodsOf("Red").orElseThrow().subList(0, 3).stream()
            .mapToDouble(p -> p.forecast())
            .sum();
    ProcessInstance red =
        as(
            "pm",
            LeptonGroups.PROJECT_MANAGERS,
            () ->
                runtime.startProcessInstanceByKey(
                    "stock-replenishment",
                    Map.of(
                        "modelName",
                        "wine-by-type-test",
                        "forecastTarget",
                        "Red",
                        "stockOnHand",
                        0,
                        "leadTimePeriods",
                        3)));
    assertThat(((Number) historyVariables(red.getId()).get("demandOverLeadTime")).doubleValue())
        .isCloseTo(redDemand, within(1e-6));
    ProcessInstance merlot =
        as(
            "pm",
            LeptonGroups.PROJECT_MANAGERS,
            () ->
                runtime.startProcessInstanceByKey(
                    "stock-replenishment",
                    Map.of(
                        "modelName",
                        "wine-by-type-test",
                        "forecastTarget",
                        "Merlot",
                        "stockOnHand",
                        0,
                        "leadTimePeriods",
                        3)));
    assertThat(merlot).isEnded().hasPassed("EndEvent_NotDecided");
    assertThat(historyVariables(merlot.getId())).containsEntry("errorCode", "INVALID_FEATURES");
    assertThat(String.valueOf(historyVariables(merlot.getId()).get("errorMessage")))
        .contains("forecasts [Fortified, Red], not 'Merlot'");

    // the year after: red wine sales doubled, fortified as they were; the check names red and the
    // verdict retrains
    weka.core.Instances lastYear = split.lastYear();
    int redIndex = lastYear.attribute("Red").index();
    lastYear.forEach(row -> row.setValue(redIndex, row.value(redIndex) * 2));
    Map<String, Object> check =
        monitoring.check(candidate, lastYear, List.of(), "red doubled", "ds");
    assertThat(check)
        .containsEntry("forecastTarget", "Red")
        .containsEntry("forecastPeriodsChecked", 12);
    ai.lepton.ml.monitoring.MonitoringCheck view =
        ai.lepton.ml.monitoring.MonitoringCheck.strictly(check);
    assertThat(view.forecastTargets())
        .extracting(ai.lepton.ml.monitoring.MonitoringCheck.SeriesError::target)
        .containsExactly("Fortified", "Red");
    ai.lepton.ml.monitoring.MonitoringCheck.SeriesError fortified = view.forecastTargets().get(0);
    ai.lepton.ml.monitoring.MonitoringCheck.SeriesError redError = view.forecastTargets().get(1);
    assertThat(redError.recentForecastMae()).isGreaterThan(1.5 * redError.approvedForecastMae());
    assertThat(fortified.recentForecastMae() / fortified.approvedForecastMae())
        .isLessThan(redError.recentForecastMae() / redError.approvedForecastMae());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attributes = (List<Map<String, Object>>) check.get("attributes");
    assertThat(attributes)
        .extracting(a -> a.get("attribute"))
        .doesNotContain("Date", "Fortified", "Red");
    assertThat(
            rules
                .apply(
                    ai.lepton.rules.RuleSet.MAINTENANCE,
                    name -> name.equals("monitoringResult") ? check : null)
                .getDecision())
        .isEqualTo("RETRAIN");
    System.out.printf(
        "wine by type, red doubled the year after: red MAE %.1f against %.1f approved, fortified %.1f"
            + " against %.1f%n",
        redError.recentForecastMae(),
        redError.approvedForecastMae(),
        fortified.recentForecastMae(),
        fortified.approvedForecastMae());
  }

  @Test
  void shuffledFoldsAreRefusedForAForecastWithTheReason() {
    ProcessInstance pi = open();
    assertThatThrownBy(() -> engagements.dataScientistCompletes(pi, requirements(10)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("would train it on the months after the ones it is tested on");
    assertThat(pi).isWaitingAt("Task_AnalyseRequirements");

    Map<String, Object> classifiers = requirements(null);
    classifiers.put(
        "algorithms", "weka.classifiers.trees.J48 -C 0.25 -M 2\nweka.classifiers.bayes.NaiveBayes");
    assertThatThrownBy(() -> engagements.dataScientistCompletes(pi, classifiers))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(
            "weka.classifiers.trees.J48 cannot"
                + " predict a number, which a forecasting model predicts");

    Map<String, Object> unknownSkip = requirements(null);
    unknownSkip.put("skipPeriods", "weekend, bank holidays");
    assertThatThrownBy(() -> engagements.dataScientistCompletes(pi, unknownSkip))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'bank holidays' is not a period to skip");
  }

  /**
   * Runs stock-replenishment with the test's forecaster; answers the finished instance's variables.
   */
  private Map<String, Object> replenish(double stockOnHand, double safetyStock) {
    ProcessInstance run =
        as(
            "pm",
            LeptonGroups.PROJECT_MANAGERS,
            () ->
                runtime.startProcessInstanceByKey(
                    "stock-replenishment",
                    Map.of(
                        "modelName",
                        "fortified-sales-test",
                        "stockOnHand",
                        stockOnHand,
                        "safetyStock",
                        safetyStock,
                        "leadTimePeriods",
                        3)));
    assertThat(run).isEnded();
    return historyVariables(run.getId());
  }

  private Map<String, Object> historyVariables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .filter(v -> processInstanceId.equals(v.getExecutionId()))
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  private ProcessInstance open() {
    return engagements.open(
        "ENG-FORECAST-" + (++opened) + "-" + System.nanoTime(),
        "Wine wholesaler",
        "Fortified sales");
  }

  private static Map<String, Object> requirements(Integer folds) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("targetAttribute", "Fortified");
    variables.put("problemType", "forecasting");
    variables.put("timeAttribute", "Date");
    variables.put("horizon", 12);
    variables.put("modelName", "fortified-sales-test");
    variables.put("successMetric", "maeRatioToSeasonalNaive");
    variables.put("successThreshold", 1.5);
    variables.put("algorithms", LINEAR + "\n" + M5P);
    variables.put("intendedUse", "Monthly fortified wine sales for stock planning");
    if (folds != null) {
      variables.put("folds", folds);
    }
    return variables;
  }

  private static weka.classifiers.timeseries.WekaForecaster byHand(String fields, String learner)
      throws Exception {
    return ai.lepton.ml.forecasting.ByHand.monthly(
        AlgorithmSpec.parse(learner).newClassifier(), fields);
  }

  /**
   * wine.arff up to July 1994, as the client first sends it, and the year after, as it arrives
   * later.
   */
  private record WineSplit(byte[] past, weka.core.Instances lastYear, String head) {

    static WineSplit ofLastYear() throws Exception {
      String arff = new String(wine(), java.nio.charset.StandardCharsets.UTF_8);
      int data = arff.indexOf("@data") + "@data".length();
      List<String> rows =
          arff.substring(data).lines().filter(l -> !l.isBlank() && !l.startsWith("%")).toList();
      String head = arff.substring(0, data) + "\n";
      byte[] past = (head + String.join("\n", rows.subList(0, rows.size() - 12)) + "\n").getBytes();
      weka.core.Instances lastYear =
          new weka.core.converters.ConverterUtils.DataSource(
                  new java.io.ByteArrayInputStream(
                      (head + String.join("\n", rows.subList(rows.size() - 12, rows.size())) + "\n")
                          .getBytes()))
              .getDataSet();
      return new WineSplit(past, lastYear, head);
    }
  }

  private static byte[] wine() throws Exception {
    try (InputStream in = ForecastingEngagementTest.class.getResourceAsStream("/data/wine.arff")) {
      return in.readAllBytes();
    }
  }
}
