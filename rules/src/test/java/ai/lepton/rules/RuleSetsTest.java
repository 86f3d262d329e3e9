package ai.lepton.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped rule sets on a real Drools container, as a business reader would check them. */
class RuleSetsTest {

  private static RuleService rules;

  @BeforeAll
  static void buildContainerOnce() {
    rules = new RuleService();
  }

  @Test
  void aLoyalCustomerUnlikelyToChurnNeedsNoAction() {
    DecisionOutcome outcome = churn(0.1, 50, 30, "Two year");
    assertThat(outcome.getDecision()).isEqualTo("NO_ACTION");
    assertThat(outcome.getRulesFired()).isEmpty();
    assertThat(outcome.getReason()).contains("by default");
  }

  @Test
  void aMonthToMonthCustomerLikelyToChurnIsOfferedADiscount() {
    DecisionOutcome outcome = churn(0.55, 60, 3, "Month-to-month");
    assertThat(outcome.getDecision()).isEqualTo("OFFER_DISCOUNT");
    assertThat(outcome.getRulesFired())
        .containsExactly(
            "A customer likely to churn on a month-to-month contract is offered a discount");
  }

  @Test
  void theStrongestDecisionWinsAndEveryFiredRuleIsListed() {
    DecisionOutcome outcome = churn(0.8, 110, 5, "Month-to-month");
    assertThat(outcome.getDecision()).isEqualTo("ESCALATE_TO_ACCOUNT_MANAGER");
    assertThat(outcome.getRulesFired())
        .hasSize(3)
        .contains("A high-value customer likely to churn is escalated to an account manager");
    assertThat(outcome.getReason()).contains("monthly charges 110.00");
  }

  @Test
  void creditDecisionsFollowTheDefaultProbabilityAndLargeAmountsGoToAPerson() {
    assertThat(credit(0.1, 2000).getDecision()).isEqualTo("APPROVE");
    assertThat(credit(0.5, 2000).getDecision()).isEqualTo("MANUAL_REVIEW");
    assertThat(credit(0.8, 2000).getDecision()).isEqualTo("DECLINE");
    DecisionOutcome large = credit(0.8, 15000);
    assertThat(large.getDecision()).isEqualTo("MANUAL_REVIEW");
    assertThat(large.getRulesFired()).contains("A large credit amount always goes to a person");
  }

  @Test
  void unknownRuleSetsAndNonNumericFeaturesAreClearErrors() {
    assertThatThrownBy(() -> RuleSet.of("fraud"))
        .hasMessageContaining(
            "data-quality, approval-policy, maintenance, churn-retention, credit-decision");
    assertThatThrownBy(
            () ->
                rules.apply(
                    RuleSet.CREDIT_DECISION, Map.of("credit_amount", "lots"), Map.of("bad", 0.2)))
        .hasMessageContaining("'credit_amount' must be a number");
  }

  private static DecisionOutcome churn(
      double probability, double charges, double tenure, String contract) {
    return rules.apply(
        RuleSet.CHURN_RETENTION,
        Map.of("monthly_charges", charges, "tenure", tenure, "contract", contract),
        Map.of("Yes", probability, "No", 1 - probability));
  }

  private static DecisionOutcome credit(double defaultProbability, double amount) {
    return rules.apply(
        RuleSet.CREDIT_DECISION,
        Map.of("credit_amount", amount, "duration", 24, "age", 35),
        Map.of("bad", defaultProbability, "good", 1 - defaultProbability));
  }

  @Test
  void aCleanProfilePassesWithoutFindings() {
    DecisionOutcome outcome =
        quality(
            profile(
                500,
                Map.of("yes", 200, "no", 300),
                0,
                attribute("age", "numeric", 0, 40, false, 0.62, 0.6)));
    assertThat(outcome.getDecision()).isEqualTo("PASS");
    assertThat(outcome.getFindings()).isEmpty();
  }

  @Test
  void tooFewRowsAConstantTargetOrNoTargetAreRejected() {
    assertThat(quality(profile(40, Map.of("yes", 10, "no", 30), 0)).getDecision())
        .isEqualTo("REJECT");
    DecisionOutcome constant = quality(profile(500, Map.of("yes", 500, "no", 0), 0));
    assertThat(constant.getDecision()).isEqualTo("REJECT");
    assertThat(constant.getReason()).contains("1 distinct value");
    Map<String, Object> noTarget = new LinkedHashMap<>(profile(500, Map.of(), 0));
    noTarget.put("attributes", List.of(attribute("age", "numeric", 0, 40, false, 0.6, 0.6)));
    DecisionOutcome missing = quality(noTarget);
    assertThat(missing.getDecision()).isEqualTo("REJECT");
    assertThat(missing.getReason()).contains("no attribute 'outcome'");
  }

  @Test
  void emptyConstantIdentifierAndLeakingAttributesAreDroppedAndImbalanceIsNoted() {
    DecisionOutcome outcome =
        quality(
            profile(
                1000,
                Map.of("yes", 60, "no", 940),
                2,
                attribute("notes", "string", 72.5, 200, false, 0.95, 0.94),
                attribute("country", "nominal", 0, 1, false, 0.94, 0.94),
                attribute("customer_id", "nominal", 0, 1000, false, 1.0, 0.94),
                attribute("row_number", "numeric", 0, 1000, true, 0.94, 0.94),
                attribute("cancelled_on", "numeric", 0, 300, false, 0.998, 0.94),
                attribute("age", "numeric", 0, 60, true, 0.95, 0.94)));
    assertThat(outcome.getDecision()).isEqualTo("CLEAN");
    assertThat(outcome.getAttributesToDrop())
        .containsExactlyInAnyOrder("notes", "country", "customer_id", "row_number", "cancelled_on");
    assertThat(outcome.getReason())
        .contains(
            "missing in 2.0% of rows: those rows are removed",
            "notes is dropped", "known only after the outcome");
    assertThat(outcome.reasonsFor("PASS"))
        .singleElement()
        .asString()
        .contains("class 'yes' is only 6.0%");
  }

  @Test
  void anAttributeThatAloneDoesWhatAllDoIsDroppedOneThatDoesMostIsShownAndHonestOnesPass() {
    Map<String, Object> profile =
        new LinkedHashMap<>(
            profile(
                1000,
                Map.of("good", 700, "bad", 300),
                0,
                skilled("status_code", 0.90, 1.0, true), // a 5 %-noisy copy of the target
                skilled("settled_after_review", 0.50, 0.85, false),
                skilled("checking_status", 0.157, 0.64, false),
                skilled("loan_status", 0.10, 0.4, true), // named like the outcome, but weak alone
                skilled("purpose", 0.05, 0.2, false)));
    profile.put(
        "leakage",
        Map.of(
            "measure",
            "kappa",
            "reference",
            "weka.classifiers.trees.J48",
            "referenceSkill",
            0.9,
            "dropShare",
            0.9,
            "dropSkill",
            0.6,
            "warnShare",
            0.8,
            "warnSkill",
            0.45));
    profile.put("duplicateRows", 80);
    profile.put("conflictingDuplicates", 12);

    DecisionOutcome outcome = quality(profile);

    assertThat(outcome.getAttributesToDrop()).containsExactly("status_code");
    assertThat(outcome.getReason())
        .contains(
            "alone it reaches kappa 0.900, 100% of all attributes together"
                + " (weka.classifiers.trees.J48: 0.900; guessing: 0)");
    assertThat(outcome.reasonsFor("PASS"))
        .anySatisfy(
            finding ->
                assertThat(finding)
                    .contains("'settled_after_review' alone reaches kappa 0.500, 85%"));
    assertThat(outcome.reasonsFor("PASS"))
        .anySatisfy(
            finding ->
                assertThat(finding)
                    .contains("'loan_status' is named like a record of the outcome"));
    // the dropped copy has its leakage finding, not a second one for its name
    assertThat(String.join("\n", outcome.reasonsFor("PASS")))
        .doesNotContain("'status_code' is named");
    assertThat(outcome.reasonsFor("PASS"))
        .anySatisfy(
            finding -> assertThat(finding).contains("80 rows (8.0%) repeat an earlier row"));
    assertThat(outcome.reasonsFor("PASS"))
        .anySatisfy(
            finding ->
                assertThat(finding)
                    .contains("12 rows repeat an earlier row's attributes with another outcome"));
    assertThat(String.join("\n", outcome.reasonsFor("PASS")))
        .doesNotContain("checking_status", "purpose");
  }

  @Test
  void aNearPerfectChampionIsAWarningAndAnHonestOneIsNot() {
    DecisionOutcome tooGood = policy(metrics(0.96, 0.99, 0.97, 1.0), true, "");
    assertThat(tooGood.getDecision()).isEqualTo("WARN");
    assertThat(tooGood.reasonsFor("WARN"))
        .singleElement()
        .asString()
        .contains("cross-validated kappa 0.9600", "rarely this predictable");
    assertThat(policy(metrics(0.45, 0.8, 0.6, 1.0), true, "").getDecision()).isEqualTo("CLEAR");
  }

  @Test
  void approvalPolicyBlocksAWeakClassAndWarnsOfUnstableFoldsAndOpenFindings() {
    DecisionOutcome outcome =
        policy(metrics(0.35, 0.8, 0.25, 7.5), true, "class 'yes' is only 6.0% of rows");
    assertThat(outcome.getDecision()).isEqualTo("BLOCK");
    assertThat(outcome.reasonsFor("BLOCK"))
        .singleElement()
        .asString()
        .contains("class 'bad' is recognised in only 25.0% of its 300 rows");
    assertThat(outcome.reasonsFor("WARN")).hasSize(2);

    DecisionOutcome clear = policy(metrics(0.45, 0.9, 0.6, 2.0), true, "");
    assertThat(clear.getDecision()).isEqualTo("CLEAR");
    DecisionOutcome chance = policy(metrics(-0.01, 0.9, 0.6, 2.0), false, null);
    assertThat(chance.reasonsFor("BLOCK"))
        .hasSize(2)
        .anySatisfy(r -> assertThat(r).contains("kappa -0.0100"));
  }

  @Test
  void aMissingProfileOrMetricsIsAClearError() {
    assertThatThrownBy(() -> rules.apply(RuleSet.DATA_QUALITY, name -> null))
        .hasMessageContaining("'datasetProfile' is missing");
    assertThatThrownBy(
            () ->
                rules.apply(
                    RuleSet.APPROVAL_POLICY, name -> "championMetrics".equals(name) ? "[1" : null))
        .hasMessageContaining("'championMetrics' must be a JSON object");
  }

  @Test
  void figuresThatDoNotApplyNeverMatchEvenOnceDroolsHasCompiledTheConstraints() {
    // Drools compiles a constraint after some evaluations; a NaN would then compare as larger than
    // any number.
    for (int i = 0; i < 100; i++) {
      DecisionOutcome quality =
          quality(
              profile(
                  500,
                  Map.of("yes", 200, "no", 300),
                  0,
                  Map.of("name", "age", "type", "numeric", "missingPct", 0.0, "distinct", 40)));
      assertThat(quality.getFindings()).isEmpty();
      DecisionOutcome churn =
          rules.apply(
              RuleSet.CHURN_RETENTION,
              Map.of("contract", "Two year"),
              Map.of("Yes", 0.65, "No", 0.35));
      assertThat(churn.getDecision()).isEqualTo("NO_ACTION");
      Map<String, Object> noFolds = new LinkedHashMap<>(metrics(0.45, 0.9, 0.6, 2.0));
      noFolds.remove("folds");
      assertThat(policy(noFolds, true, "").getDecision()).isEqualTo("CLEAR");
      assertThat(maintenance(0, 0, Double.NaN, 200, true).getDecision()).isEqualTo("OK");
    }
  }

  @Test
  void aCreditApplicationWithoutAnAmountGoesToAPerson() {
    DecisionOutcome outcome =
        rules.apply(
            RuleSet.CREDIT_DECISION, Map.of("duration", 12), Map.of("bad", 0.1, "good", 0.9));
    assertThat(outcome.getDecision()).isEqualTo("MANUAL_REVIEW");
    assertThat(outcome.getReason()).contains("credit amount is missing");
  }

  @Test
  void manyFindingsAreCutToWhatACamundaTextVariableHoldsAndSaySo() {
    String many =
        String.join(
            "\n",
            java.util.Collections.nCopies(200, "CLEAN: a single value in every row: x is dropped"));
    String fitted = ApplyRulesDelegate.fitted(many);
    assertThat(fitted.length()).isLessThanOrEqualTo(3_900);
    assertThat(fitted).endsWith("more findings").contains("CLEAN: a single value");
    assertThat(ApplyRulesDelegate.fitted("short")).isEqualTo("short");
  }

  @Test
  void maintenanceVerdictsFollowDriftAndAccuracy() {
    assertThat(maintenance(0, 0, null, 0, false).getDecision()).isEqualTo("OK");
    assertThat(maintenance(0, 2, null, 0, false).getDecision()).isEqualTo("WARN");
    DecisionOutcome oneDrifted = maintenance(1, 0, null, 0, false);
    assertThat(oneDrifted.getDecision()).isEqualTo("WARN");
    assertThat(oneDrifted.getReason()).contains("most 'tenure' (PSI 8.18)");
    assertThat(maintenance(3, 4, null, 0, false).getDecision()).isEqualTo("RETRAIN");
    DecisionOutcome decayed = maintenance(0, 0, 0.62, 120, false);
    assertThat(decayed.getDecision()).isEqualTo("RETRAIN");
    assertThat(decayed.getReason()).contains("accuracy 0.620 on 120 recent outcomes against 0.800");
    assertThat(maintenance(0, 0, 0.40, 120, true).getDecision()).isEqualTo("ROLLBACK");
    assertThat(maintenance(0, 0, 0.40, 120, false).getDecision()).isEqualTo("RETRAIN");
    DecisionOutcome early = maintenance(0, 0, 0.10, 12, true);
    assertThat(early.getDecision()).isEqualTo("OK");
    assertThat(early.getReason()).contains("only 12 outcome(s) known");
    Map<String, Object> fewRows = new LinkedHashMap<>();
    fewRows.put("significantDrift", 0);
    fewRows.put("moderateDrift", 0);
    fewRows.put("labelledOutcomes", 0);
    fewRows.put("recentRows", 40);
    fewRows.put("driftJudged", false);
    DecisionOutcome tooFew =
        rules.apply(RuleSet.MAINTENANCE, name -> "monitoringResult".equals(name) ? fewRows : null);
    assertThat(tooFew.getDecision()).isEqualTo("OK");
    assertThat(tooFew.getReason())
        .contains("only 40 recent input row(s): too few to judge drift yet");
  }

  private static DecisionOutcome maintenance(
      int significant, int moderate, Double accuracy, int labelled, boolean previous) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("significantDrift", significant);
    result.put("moderateDrift", moderate);
    result.put("mostDrifted", "tenure");
    result.put("maxPsi", 8.177);
    result.put("recentAccuracy", accuracy);
    result.put("baselineAccuracy", 0.8);
    result.put("labelledOutcomes", labelled);
    result.put("previousVersion", previous);
    return rules.apply(
        RuleSet.MAINTENANCE, name -> "monitoringResult".equals(name) ? result : null);
  }

  private static DecisionOutcome quality(Map<String, Object> profile) {
    return rules.apply(
        RuleSet.DATA_QUALITY,
        name ->
            switch (name) {
              case "datasetProfile" -> profile;
              case "targetAttribute" -> "outcome";
              default -> null;
            });
  }

  private static Map<String, Object> profile(
      int rows, Map<String, Integer> classes, double targetMissingPct, Map<?, ?>... attributes) {
    List<Object> all = new ArrayList<>(List.of(attributes));
    long distinct = classes.values().stream().filter(c -> c > 0).count();
    all.add(
        Map.of(
            "name",
            "outcome",
            "type",
            "nominal",
            "missingPct",
            targetMissingPct,
            "distinct",
            distinct,
            "values",
            classes));
    int labelled = classes.values().stream().mapToInt(Integer::intValue).sum();
    double majority =
        classes.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) labelled;
    return Map.of("rows", rows, "majorityShare", majority, "attributes", all);
  }

  private static Map<String, Object> attribute(
      String name,
      String type,
      double missingPct,
      int distinct,
      boolean integerValued,
      double purity,
      double ignoredMajority) {
    // the fixtures have 1,000 rows: a label or a whole number in every row is what the profiler
    // reports as an
    // identifier here (customer_id, row_number 1..1000)
    boolean identifier = distinct >= 1000 && (!type.equals("numeric") || integerValued);
    Map<String, Object> attribute =
        new java.util.HashMap<>(
            Map.of(
                "name",
                name,
                "type",
                type,
                "missingPct",
                missingPct,
                "distinct",
                distinct,
                "integerValued",
                integerValued,
                "targetPurity",
                purity,
                "identifierLike",
                identifier));
    if (identifier) {
      attribute.put(
          "identifierReason",
          "every row has its own value (" + distinct + " distinct), like an identifier");
    }
    return attribute;
  }

  private static Map<String, Object> skilled(
      String name, double skill, double share, boolean levelsLikeTarget) {
    return Map.of(
        "name",
        name,
        "type",
        "nominal",
        "missingPct",
        0.0,
        "distinct",
        levelsLikeTarget ? 2 : 4,
        "aloneSkill",
        skill,
        "aloneShare",
        share,
        "levelsLikeTarget",
        levelsLikeTarget);
  }

  @Test
  void aForecastNoBetterThanLastSeasonIsAWarningAndOneThatBeatsItIsNot() {
    Map<String, Object> series = Map.of("testPeriods", 12, "periodicity", "MONTHLY");
    DecisionOutcome worse =
        policy(
            Map.of("maeRatioToSeasonalNaive", 1.14, "forecast", series, "meanAbsoluteError", 300.0),
            true,
            "");
    assertThat(worse.getDecision()).isEqualTo("WARN");
    assertThat(worse.reasonsFor("WARN"))
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .contains("last 12 monthly periods")
                    .contains("1.14 times")
                    .contains("seasonal naive"));
    DecisionOutcome better =
        policy(
            Map.of("maeRatioToSeasonalNaive", 0.62, "forecast", series, "meanAbsoluteError", 160.0),
            true,
            "");
    assertThat(better.reasonsFor("WARN"))
        .noneSatisfy(reason -> assertThat(reason).contains("seasonal naive"));
  }

  @Test
  void stockIsHeldReorderedOrExpeditedOnTheForecast() {
    DecisionOutcome covered =
        replenish(
            Map.of(
                "stockOnHand",
                12000,
                "safetyStock",
                500,
                "leadTimePeriods",
                3,
                "demandOverLeadTime",
                9000.0,
                "upperDemandOverLeadTime",
                11000.0,
                "demandNextPeriod",
                3000.0));
    assertThat(covered.getDecision()).isEqualTo("HOLD");
    DecisionOutcome shortOfDemand =
        replenish(
            Map.of(
                "stockOnHand",
                8000,
                "safetyStock",
                500,
                "leadTimePeriods",
                3,
                "demandOverLeadTime",
                9000.0,
                "demandNextPeriod",
                3000.0));
    assertThat(shortOfDemand.getDecision()).isEqualTo("REORDER");
    assertThat(shortOfDemand.getReason()).contains("reorder 1500");
    DecisionOutcome riskyInterval =
        replenish(
            Map.of(
                "stockOnHand",
                10000,
                "leadTimePeriods",
                3,
                "demandOverLeadTime",
                9000.0,
                "upperDemandOverLeadTime",
                11000.0,
                "demandNextPeriod",
                3000.0));
    assertThat(riskyInterval.getDecision()).isEqualTo("REORDER");
    assertThat(riskyInterval.getReason()).contains("top of the 95% forecast interval");
    DecisionOutcome empty =
        replenish(
            Map.of(
                "stockOnHand",
                1000,
                "leadTimePeriods",
                3,
                "demandOverLeadTime",
                9000.0,
                "demandNextPeriod",
                3000.0));
    assertThat(empty.getDecision()).isEqualTo("EXPEDITE");
    assertThatThrownBy(
            () ->
                replenish(
                    Map.of(
                        "leadTimePeriods",
                        3,
                        "demandOverLeadTime",
                        9000.0,
                        "demandNextPeriod",
                        3000.0)))
        .hasMessageContaining("stockOnHand");
  }

  private static DecisionOutcome replenish(Map<String, Object> variables) {
    return rules.apply(RuleSet.STOCK_REPLENISHMENT, variables::get);
  }

  @Test
  void aForecasterFallingBehindItsApprovedErrorIsWarnedOfThenRetrained() {
    java.util.function.Function<Double, DecisionOutcome> check =
        recent ->
            rules.apply(
                RuleSet.MAINTENANCE,
                name ->
                    name.equals("monitoringResult")
                        ? Map.of(
                            "significantDrift",
                            0,
                            "moderateDrift",
                            0,
                            "labelledOutcomes",
                            0,
                            "recentRows",
                            12,
                            "driftJudged",
                            false,
                            "recentForecastMae",
                            recent,
                            "approvedForecastMae",
                            240.0,
                            "forecastPeriodsChecked",
                            12)
                        : null);
    assertThat(check.apply(250.0).getDecision()).isEqualTo("OK");
    assertThat(check.apply(300.0).getDecision()).isEqualTo("WARN");
    assertThat(check.apply(300.0).getReason()).contains("1.25 times the 240.0 it was approved on");
    assertThat(check.apply(400.0).getDecision()).isEqualTo("RETRAIN");
  }

  @Test
  void aChampionFarPastItsFellowCandidatesIsTooGoodToBeTrueButANonLinearDatasetIsNot() {
    // one learner exploits what the others cannot: 0.95 against 0.62 next best
    DecisionOutcome leaked =
        policy(
            metrics(0.85, 0.95, 0.6, 1.0),
            true,
            "",
            Map.of("measure", "kappa", "champion", 0.95, "others", List.of(0.62, 0.55, 0.41)));
    assertThat(leaked.getDecision()).isEqualTo("WARN");
    assertThat(leaked.reasonsFor("WARN"))
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .contains("kappa is 0.950")
                    .contains("0.620 for the next best of its 3 fellow candidates"));
    // mlc_churn measured: J48 0.728, REPTree 0.642, RandomForest 0.603, NaiveBayes 0.461, Logistic
    // 0.265 — trees far
    // above linear models, but not one learner alone: no warning
    assertThat(
            policy(
                    metrics(0.728, 0.9, 0.6, 1.0),
                    true,
                    "",
                    Map.of(
                        "measure",
                        "kappa",
                        "champion",
                        0.728,
                        "others",
                        List.of(0.642, 0.603, 0.461, 0.265)))
                .getDecision())
        .isEqualTo("CLEAR");
    // a lone candidate has no fellows to be compared with
    assertThat(
            policy(
                    metrics(0.7, 0.9, 0.6, 1.0),
                    true,
                    "",
                    Map.of("measure", "kappa", "champion", 0.7, "others", List.of()))
                .getDecision())
        .isEqualTo("CLEAR");
  }

  private static DecisionOutcome policy(
      Map<String, Object> metrics, boolean meets, String openFindings) {
    return policy(metrics, meets, openFindings, null);
  }

  @Test
  void approvalPolicyWarnsUnderFourFifthsAndBlocksUnderTheRequirementsFloor() {
    Map<String, Object> fairMetrics = new java.util.HashMap<>(metrics(0.45, 0.8, 0.6, 1.0));
    fairMetrics.put(
        "fairness",
        List.of(
            Map.of(
                "attribute",
                "age",
                "referenceGroup",
                "≥ 25",
                "groups",
                List.of(
                    Map.of(
                        "group",
                        "≥ 25",
                        "rows",
                        810,
                        "selectionRate",
                        0.80,
                        "disparateImpact",
                        1.0),
                    Map.of(
                        "group",
                        "< 25",
                        "rows",
                        190,
                        "selectionRate",
                        0.56,
                        "disparateImpact",
                        0.70))),
            Map.of(
                "attribute",
                "foreign_worker",
                "referenceGroup",
                "yes",
                "groups",
                List.of(
                    Map.of(
                        "group", "yes", "rows", 963, "selectionRate", 0.77, "disparateImpact", 1.0),
                    Map.of(
                        "group",
                        "no",
                        "rows",
                        37,
                        "selectionRate",
                        0.85,
                        "disparateImpact",
                        1.10)))));

    // 0.70: under four-fifths, over the default floor of 0.6 — a warning that names the groups and
    // rates
    DecisionOutcome warned = policyWithFloor(fairMetrics, null);
    assertThat(warned.getDecision()).isEqualTo("WARN");
    assertThat(warned.reasonsFor("WARN"))
        .singleElement()
        .asString()
        .contains("age '< 25' is selected at 0.70 of the rate of '≥ 25' (56.0% against 80.0%)");

    // a requirements floor of 0.75 blocks the same model; a group favoured over the reference never
    // does
    DecisionOutcome blocked = policyWithFloor(fairMetrics, 0.75);
    assertThat(blocked.getDecision()).isEqualTo("BLOCK");
    assertThat(blocked.reasonsFor("BLOCK"))
        .singleElement()
        .asString()
        .contains("under the floor of 0.75");

    // an attribute asked for but dropped before training is not silently passed over
    Map<String, Object> unassessed = new java.util.HashMap<>(metrics(0.45, 0.8, 0.6, 1.0));
    unassessed.put(
        "fairness",
        List.of(
            Map.of(
                "attribute",
                "foreign_worker",
                "notAssessed",
                "The protected attribute 'foreign_worker' is not in the training data")));
    assertThat(policyWithFloor(unassessed, null).reasonsFor("WARN"))
        .singleElement()
        .asString()
        .contains("foreign_worker was asked for but not measured");
  }

  private static DecisionOutcome policyWithFloor(Map<String, Object> metrics, Double floor) {
    return rules.apply(
        RuleSet.APPROVAL_POLICY,
        name ->
            switch (name) {
              case "championMetrics" -> metrics;
              case "successMetric" -> "weightedAreaUnderROC";
              case "successThreshold" -> "0.7";
              case "championMeetsThreshold" -> true;
              case "qualityOpenFindings" -> "";
              case "fairnessFloor" -> floor;
              default -> null;
            });
  }

  private static DecisionOutcome policy(
      Map<String, Object> metrics,
      boolean meets,
      String openFindings,
      Map<String, Object> candidateSkills) {
    return rules.apply(
        RuleSet.APPROVAL_POLICY,
        name ->
            switch (name) {
              case "championMetrics" -> metrics;
              case "candidateSkills" -> candidateSkills;
              case "successMetric" -> "weightedAreaUnderROC";
              case "successThreshold" -> "0.7";
              case "championMeetsThreshold" -> meets;
              case "qualityOpenFindings" -> openFindings;
              default -> null;
            });
  }

  private static Map<String, Object> metrics(
      double kappa, double auc, double badRecall, double foldSpread) {
    return Map.of(
        "pctCorrect",
        75.0,
        "kappa",
        kappa,
        "weightedAreaUnderROC",
        auc,
        "perClass",
        Map.of("good", Map.of("recall", 0.9), "bad", Map.of("recall", badRecall)),
        "confusionMatrix",
        Map.of(
            "labels",
            List.of("good", "bad"),
            "rows",
            List.of(List.of(630.0, 70.0), List.of(225.0, 75.0))),
        "folds",
        Map.of("metric", "pctCorrect", "stdDev", foldSpread));
  }
}
