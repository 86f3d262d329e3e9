package ai.lepton.rules;

import ai.lepton.ml.Json;
import ai.lepton.ml.monitoring.MonitoringCheck;
import ai.lepton.ml.monitoring.MonitoringCheck.PsiBands;
import ai.lepton.ml.registry.CandidateSkills;
import ai.lepton.ml.training.CandidateMetrics;
import ai.lepton.process.DecisionWords;
import ai.lepton.process.ProcessVariables;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rule sets Lepton ships: the name a process or API uses ({@code ruleSet}), its decisions from
 * weakest to strongest ({@link DecisionWords}, beside the processes that test them), and how the
 * process variables become its facts. Their rules are versions ({@link RuleSource}); the jar's DRL
 * is each one's version 1.
 */
public enum RuleSet {
  DATA_QUALITY(
      "data-quality",
      DecisionWords.of(DecisionWords.Quality.values()),
      variables ->
          ProfileFacts.of(
              FactValues.object(
                  variables.apply(ProcessVariables.DATASET_PROFILE), "datasetProfile"),
              required(variables, ProcessVariables.TARGET_ATTRIBUTE))),
  APPROVAL_POLICY(
      "approval-policy",
      DecisionWords.of(DecisionWords.ApprovalPolicy.values()),
      variables ->
          ChampionFacts.of(
              CandidateMetrics.of(
                  FactValues.object(
                      variables.apply(ProcessVariables.CHAMPION_METRICS), "championMetrics")),
              required(variables, ProcessVariables.SUCCESS_METRIC),
              Double.parseDouble(required(variables, ProcessVariables.SUCCESS_THRESHOLD)),
              Boolean.parseBoolean(
                  String.valueOf(variables.apply(ProcessVariables.CHAMPION_MEETS_THRESHOLD))),
              countLines(variables.apply(ProcessVariables.QUALITY_OPEN_FINDINGS)),
              variables.apply(ProcessVariables.CANDIDATE_SKILLS) == null
                  ? null
                  : Json.convert(
                      FactValues.object(
                          variables.apply(ProcessVariables.CANDIDATE_SKILLS), "candidateSkills"),
                      CandidateSkills.class),
              variables.apply(ProcessVariables.FAIRNESS_FLOOR) instanceof Number floor
                  ? floor.doubleValue()
                  : null)),
  MAINTENANCE(
      "maintenance",
      DecisionWords.of(DecisionWords.Maintenance.values()),
      variables ->
          maintenance(
              FactValues.object(
                  variables.apply(ProcessVariables.MONITORING_RESULT), "monitoringResult"))),
  CHURN_RETENTION(
      "churn-retention",
      DecisionWords.of(DecisionWords.Retention.values()),
      variables -> List.of(PredictionFacts.churn(features(variables), distribution(variables)))),
  CREDIT_DECISION(
      "credit-decision",
      DecisionWords.of(DecisionWords.Credit.values()),
      variables -> List.of(PredictionFacts.credit(features(variables), distribution(variables)))),
  /**
   * Acts on a text model's reading of a news item: a risk analyst reviews likely negative news, and
   * several items about one client within a window are escalated (the {@code context} names the
   * client and the earlier alerts).
   */
  NEWS_MONITORING(
      "news-monitoring",
      DecisionWords.of(DecisionWords.News.values()),
      variables -> List.of(PredictionFacts.news(distribution(variables), context(variables)))),
  /**
   * Acts on a forecast (stock-replenishment): reorder when forecast demand over the lead time
   * exceeds stock.
   */
  STOCK_REPLENISHMENT(
      "stock-replenishment",
      DecisionWords.of(DecisionWords.Stock.values()),
      variables ->
          List.of(
              new StockPosition(
                  number(variables, ProcessVariables.STOCK_ON_HAND),
                  variables.apply(ProcessVariables.SAFETY_STOCK) == null
                      ? 0
                      : number(variables, ProcessVariables.SAFETY_STOCK),
                  (int) number(variables, ProcessVariables.LEAD_TIME_PERIODS),
                  number(variables, ProcessVariables.DEMAND_OVER_LEAD_TIME),
                  variables.apply(ProcessVariables.UPPER_DEMAND_OVER_LEAD_TIME) == null
                      ? null
                      : number(variables, ProcessVariables.UPPER_DEMAND_OVER_LEAD_TIME),
                  number(variables, ProcessVariables.DEMAND_NEXT_PERIOD))));

  private final String wireName;
  private final List<String> decisions;
  private final Function<Function<String, Object>, List<Object>> facts;

  RuleSet(
      String wireName,
      List<String> decisions,
      Function<Function<String, Object>, List<Object>> facts) {
    this.wireName = wireName;
    this.decisions = decisions;
    this.facts = facts;
  }

  public static RuleSet of(String name) {
    return Arrays.stream(values())
        .filter(r -> r.wireName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new UnknownRuleSetException(
                    name, Arrays.stream(values()).map(RuleSet::wireName).toList()));
  }

  public String wireName() {
    return wireName;
  }

  /**
   * Whether it decides on a model's prediction (a business decision), rather than on Lepton's own
   * lifecycle.
   */
  public boolean decidesOnPredictions() {
    return this == CHURN_RETENTION || this == CREDIT_DECISION || this == NEWS_MONITORING;
  }

  /**
   * Whether it judges an engagement's own lifecycle against its requirements (the data-quality gate
   * reads the target, the approval policy the success criterion and the fairness floor), which are
   * read from the requirements' record.
   */
  public boolean readsRequirements() {
    return this == DATA_QUALITY || this == APPROVAL_POLICY;
  }

  /**
   * The jar's DRL of this rule set (its version 1), e.g. {@code
   * ai/lepton/rules/creditdecision/credit-decision.drl}.
   */
  public String drlResource() {
    return "ai/lepton/rules/" + wireName.replace("-", "") + "/" + wireName + ".drl";
  }

  List<String> decisions() {
    return decisions;
  }

  /**
   * @param variables process variable name → value (JSON variables as maps or as JSON text)
   */
  List<Object> facts(Function<String, Object> variables) {
    return facts.apply(variables);
  }

  private static String required(Function<String, Object> variables, String name) {
    Object value = variables.apply(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("Process variable '" + name + "' is missing");
    }
    return value.toString();
  }

  private static double number(Function<String, Object> variables, String name) {
    String text = required(variables, name);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Process variable '" + name + "' is not a number: '" + text + "'");
    }
  }

  private static Map<String, Object> features(Function<String, Object> variables) {
    return FactValues.object(variables.apply(ProcessVariables.FEATURES), "features");
  }

  /**
   * The business facts beside the record (the JSON variable {@code context}); empty when there are
   * none.
   */
  private static Map<String, Object> context(Function<String, Object> variables) {
    Object context = variables.apply(ProcessVariables.CONTEXT);
    return context == null || context.toString().isBlank()
        ? Map.of()
        : FactValues.object(context, "context");
  }

  private static Map<String, Double> distribution(Function<String, Object> variables) {
    Map<String, Object> distribution =
        FactValues.object(variables.apply(ProcessVariables.DISTRIBUTION), "distribution");
    Map<String, Double> probabilities = new LinkedHashMap<>();
    distribution.forEach(
        (label, p) -> probabilities.put(label, FactValues.number(distribution, label)));
    return probabilities;
  }

  /**
   * The check's facts, and a forecaster's error on new actuals when the check measured one: read
   * from the check's document as the core's {@link MonitoringCheck}.
   */
  private static List<Object> maintenance(Map<String, Object> document) {
    MonitoringCheck check = MonitoringCheck.of(document);
    MonitoringFacts facts = monitoring(check);
    if (check.recentForecastMae() == null || check.approvedForecastMae() == null) {
      return List.of(facts);
    }
    return List.of(
        facts,
        new ForecastErrorFacts(
            check.recentForecastMae(),
            check.approvedForecastMae(),
            check.forecastPeriodsChecked() == null ? 0 : check.forecastPeriodsChecked()));
  }

  private static MonitoringFacts monitoring(MonitoringCheck check) {
    PsiBands bands = check.psiBands() == null ? new PsiBands(0.1, 0.25) : check.psiBands();
    return new MonitoringFacts(
        (int) check.significantDrift(),
        (int) check.moderateDrift(),
        check.mostDrifted(),
        check.maxPsi(),
        check.recentAccuracy(),
        check.baselineAccuracy(),
        (int) check.labelledOutcomes(),
        check.previousVersion(),
        (int) check.recentRows(),
        check.judgedDrift(),
        bands.moderate(),
        bands.significant());
  }

  private static int countLines(Object text) {
    return text == null || text.toString().isBlank() ? 0 : (int) text.toString().lines().count();
  }
}
