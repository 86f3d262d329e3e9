package ai.lepton.ml.task;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.ExpectedSchema;
import ai.lepton.ml.dataset.PersonalDataSettings;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engagement.RuleSetCatalogue;
import ai.lepton.ml.engagement.SqlPullPolicy;
import ai.lepton.ml.engagement.SqlPullRefusedException;
import ai.lepton.ml.fairness.ProtectedAttribute;
import ai.lepton.ml.training.AlgorithmList;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.InvalidAlgorithmException;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.training.SuccessMetric;
import ai.lepton.ml.training.TextLearner;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Checks the requirements a user submits before the task completes, so a wrong Weka class, metric
 * or threshold is a 400 on the form, not a failed training job. Fills the defaults (10 folds, seed
 * 1) and freezes them, with who set them, in Lepton's {@link RequirementsRecord}: later steps read
 * them from there, not from the variables.
 */
@Component(ProcessBeans.VALIDATE_REQUIREMENTS)
public class ValidateRequirementsListener implements TaskListener {

  private final PersonalDataSettings personalData;
  private final RequirementsRecord record;
  private final SqlPullPolicy sqlPulls;
  private final AuditTrail audit;
  private final RuleSetCatalogue ruleSets;

  public ValidateRequirementsListener(
      PersonalDataSettings personalData,
      RequirementsRecord record,
      SqlPullPolicy sqlPulls,
      AuditTrail audit,
      RuleSetCatalogue ruleSets) {
    this.personalData = personalData;
    this.record = record;
    this.sqlPulls = sqlPulls;
    this.audit = audit;
    this.ruleSets = ruleSets;
  }

  @Override
  public void notify(DelegateTask task) {
    String target = requireText(task, ProcessVariables.TARGET_ATTRIBUTE);
    Object piiColumns = task.getVariable(ProcessVariables.PII_COLUMNS);
    Set<String> engagementColumns =
        PersonalDataSettings.parse(piiColumns == null ? "" : piiColumns.toString());
    if (!engagementColumns.isEmpty() && personalData.pseudonymiser().isEmpty()) {
      throw invalid(
          "piiColumns",
          "Personal-data columns need a pseudonymisation key on the server"
              + " (LEPTON_PII_KEY); ask the administrator, or send the data without those columns");
    }
    if (personalData.columnsFor(piiColumns).contains(target)) {
      throw invalid(
          ProcessVariables.PII_COLUMNS,
          "The target '" + target + "' cannot be a personal-data column");
    }
    String modelName = requireText(task, ProcessVariables.MODEL_NAME);
    ProblemType problemType;
    try {
      problemType = ProblemType.of(task.getVariable(ProcessVariables.PROBLEM_TYPE));
    } catch (IllegalArgumentException e) {
      throw invalid(ProcessVariables.PROBLEM_TYPE, e.getMessage());
    }
    try {
      SuccessMetric.of(task.getVariable(ProcessVariables.SUCCESS_METRIC), problemType);
    } catch (IllegalArgumentException e) {
      throw invalid(ProcessVariables.SUCCESS_METRIC, e.getMessage());
    }
    double threshold = number(task, ProcessVariables.SUCCESS_THRESHOLD, null);
    List<AlgorithmSpec> algorithms;
    try {
      Object named = task.getVariable(ProcessVariables.ALGORITHMS);
      // the founding document's sales forecast is a linear regression: a forecast that names no
      // learner gets one
      algorithms =
          AlgorithmList.parse(
              problemType == ProblemType.FORECASTING
                      && (named == null || named.toString().isBlank())
                  ? FORECAST_DEFAULT_LEARNER
                  : named);
    } catch (InvalidAlgorithmException e) {
      throw invalid(ProcessVariables.ALGORITHMS, e.getMessage());
    }
    for (AlgorithmSpec algorithm : algorithms) {
      if (!problemType.learnableBy(algorithm.newClassifier())) {
        throw invalid(
            "algorithms",
            algorithm.className()
                + " cannot predict "
                + (problemType == ProblemType.CLASSIFICATION
                    ? "a class: it predicts numbers (e.g. weka.classifiers.trees.J48,"
                        + " weka.classifiers.functions.Logistic or weka.classifiers.bayes.NaiveBayes predict classes)"
                    : "a number, which a "
                        + problemType.wireName()
                        + " model predicts: it predicts classes (e.g. "
                        + FORECAST_DEFAULT_LEARNER
                        + ", weka.classifiers.trees.M5P or weka.classifiers.functions.SMOreg"
                        + " predict numbers)"));
      }
    }
    Requirements.ForecastSettings forecast = null;
    int folds;
    if (problemType == ProblemType.FORECASTING) {
      if (task.getVariable(ProcessVariables.FOLDS) != null) {
        throw invalid(
            "folds",
            "A forecast is not cross-validated with shuffled folds: they would train it on the"
                + " months after the ones it is tested on, and its figures would look better than any forecast will be."
                + " Lepton holds out the last periods and forecasts them from the past only; leave folds out");
      }
      folds = 0;
      forecast = forecastSettings(task);
    } else {
      if (textOrNull(task, ProcessVariables.ALSO_FORECAST) != null) {
        throw invalid(
            "alsoForecast",
            "Other series are forecast with the target only by a forecasting engagement"
                + " (problemType forecasting); a "
                + problemType.wireName()
                + " model predicts its one target");
      }
      folds = (int) number(task, ProcessVariables.FOLDS, 10.0);
      if (folds < 2) {
        throw invalid(ProcessVariables.FOLDS, "folds must be at least 2, not " + folds);
      }
    }
    int seed = (int) number(task, ProcessVariables.SEED, 1.0);

    checkSqlPull(task);
    String decisionRuleSets = checkRuleSets(task);
    try {
      ExpectedSchema.parse(task.getVariable(ProcessVariables.EXPECTED_SCHEMA));
    } catch (IllegalArgumentException e) {
      throw invalid(ProcessVariables.EXPECTED_SCHEMA, e.getMessage());
    }
    task.setVariable(ProcessVariables.TARGET_ATTRIBUTE, target);
    task.setVariable(ProcessVariables.PII_COLUMNS, String.join(",", engagementColumns));
    task.setVariable(ProcessVariables.PROBLEM_TYPE, problemType.wireName());
    task.setVariable(ProcessVariables.SUCCESS_THRESHOLD, threshold);
    task.setVariable(
        ProcessVariables.ALGORITHMS,
        String.join("\n", algorithms.stream().map(AlgorithmSpec::toString).toList()));
    if (forecast == null) {
      task.setVariable(ProcessVariables.FOLDS, folds);
    }
    task.setVariable(ProcessVariables.SEED, seed);
    if (task.getVariable(ProcessVariables.TRAINING_ROUND) == null) {
      task.setVariable(ProcessVariables.TRAINING_ROUND, 1);
    }
    if (task.getVariable(ProcessVariables.DATA_CHASE_AFTER) == null) {
      task.setVariable(ProcessVariables.DATA_CHASE_AFTER, "P3D");
    }
    task.setVariable(ProcessVariables.REQUIREMENTS_COMPLETED_BY, CurrentUser.of(task));
    record.record(
        new Requirements(
            task.getExecution().getProcessBusinessKey(),
            0,
            task.getProcessInstanceId(),
            target,
            problemType.wireName(),
            modelName,
            task.getVariable(ProcessVariables.SUCCESS_METRIC).toString().strip(),
            threshold,
            String.join("\n", algorithms.stream().map(AlgorithmSpec::toString).toList()),
            folds,
            seed,
            String.join(",", engagementColumns),
            textOrNull(task, ProcessVariables.SQL_SOURCE),
            textOrNull(task, ProcessVariables.SQL_QUERY),
            textOrNull(task, ProcessVariables.EXPECTED_SCHEMA),
            CurrentUser.of(task),
            task.getId(),
            Instant.now(),
            decisionRuleSets,
            forecast,
            fairness(task, problemType),
            text(task, problemType)));
  }

  /**
   * Free text: the attributes named as text (others are detected when the data comes) and the
   * word-vector options, checked as Weka reads them (allow-listed tokenizers, stemmers and stop
   * words, nothing that reads or writes a file); the defaults when none are given.
   */
  private static Requirements.TextSettings text(DelegateTask task, ProblemType problemType) {
    String attributes = textOrNull(task, ProcessVariables.TEXT_ATTRIBUTES);
    String options = textOrNull(task, ProcessVariables.TEXT_OPTIONS);
    if (problemType == ProblemType.FORECASTING && (attributes != null || options != null)) {
      throw invalid(
          attributes != null ? "textAttributes" : "textOptions",
          "A forecast reads a series of numbers;" + " it names no text attributes");
    }
    try {
      TextLearner.checkOptions(
          options == null ? Requirements.TextSettings.DEFAULT_OPTIONS : options);
    } catch (InvalidAlgorithmException e) {
      throw invalid(ProcessVariables.TEXT_OPTIONS, e.getMessage());
    }
    Requirements.TextSettings settings =
        new Requirements.TextSettings(
            attributes, options == null ? Requirements.TextSettings.DEFAULT_OPTIONS : options);
    return new Requirements.TextSettings(
        attributes == null ? null : String.join(",", settings.attributeNames()),
        settings.options());
  }

  /**
   * Group fairness to assess at validation, when protected attributes are named: each line a
   * nominal attribute or a numeric one with bands ({@code age < 25}), a favourable outcome, a floor
   * between 0 and 1 (default 0.6); only for a classification. Whether the attributes and the label
   * exist is known once the data is: training says so.
   */
  private static Requirements.Fairness fairness(DelegateTask task, ProblemType problemType) {
    String attributes = textOrNull(task, ProcessVariables.PROTECTED_ATTRIBUTES);
    if (attributes == null) {
      return null;
    }
    if (problemType != ProblemType.CLASSIFICATION) {
      throw invalid(
          "protectedAttributes",
          "Group fairness is measured on a classification's outcomes; a "
              + problemType.wireName()
              + " names no protected attributes");
    }
    List<String> lines =
        attributes.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    for (String line : lines) {
      try {
        ProtectedAttribute.parse(line);
      } catch (IllegalArgumentException e) {
        throw invalid(ProcessVariables.PROTECTED_ATTRIBUTES, e.getMessage());
      }
    }
    String favourable = textOrNull(task, ProcessVariables.FAVOURABLE_LABEL);
    if (favourable == null) {
      throw invalid(
          "favourableLabel",
          "Name the favourable outcome (the class label a person wants, e.g. good)");
    }
    double floor =
        number(task, ProcessVariables.FAIRNESS_FLOOR, Requirements.Fairness.DEFAULT_FLOOR);
    if (!(floor > 0 && floor <= 0.8)) {
      throw invalid(
          "fairnessFloor",
          "The floor is a disparate impact between 0 and 0.8 (the four-fifths rule warns"
              + " from 0.8), not "
              + task.getVariable(ProcessVariables.FAIRNESS_FLOOR));
    }
    return new Requirements.Fairness(String.join("\n", lines), favourable, floor);
  }

  /**
   * Periods a daily series does not have (non-trading days), in the forecasting package's words:
   * weekend, weekdays (mon..sun), months (jan..dec), dates with their format
   * (2025-12-25@yyyy-MM-dd). Anything else is a 400.
   */
  private static String skipPeriods(DelegateTask task) {
    String text = textOrNull(task, ProcessVariables.SKIP_PERIODS);
    if (text == null) {
      return null;
    }
    List<String> entries =
        java.util.Arrays.stream(text.split("[,\\n]"))
            .map(String::strip)
            .filter(entry -> !entry.isEmpty())
            .toList();
    for (String entry : entries) {
      String lower = entry.toLowerCase(java.util.Locale.ROOT);
      boolean word =
          lower.matches(
              "weekend|weekday|mon|tue|wed|thu|fri|sat|sun"
                  + "|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec");
      boolean date = entry.matches("[^@]+@[yMdHhmsSEa\\-/.: ']+");
      if (!word && !date) {
        throw invalid(
            "skipPeriods",
            "'"
                + entry
                + "' is not a period to skip: write weekend, a weekday (sat), a"
                + " month (dec) or a date with its format (2025-12-25@yyyy-MM-dd)");
      }
    }
    return String.join(",", entries);
  }

  /**
   * The series of a forecasting engagement: its date attribute, the horizon (1..1000 periods), the
   * overlays, the other series forecast with the target.
   */
  private static Requirements.ForecastSettings forecastSettings(DelegateTask task) {
    String time = textOrNull(task, ProcessVariables.TIME_ATTRIBUTE);
    if (time == null) {
      throw invalid(
          "timeAttribute", "A forecast needs the attribute that holds each row's date (e.g. Date)");
    }
    double horizon = number(task, ProcessVariables.HORIZON, null);
    if (horizon != Math.rint(horizon) || horizon < 1 || horizon > 1000) {
      throw invalid(
          "horizon",
          "The horizon is how many periods ahead to forecast: a whole number from 1 to 1000,"
              + " not "
              + task.getVariable(ProcessVariables.HORIZON));
    }
    String overlays = textOrNull(task, ProcessVariables.OVERLAYS);
    String alsoForecast = textOrNull(task, ProcessVariables.ALSO_FORECAST);
    Requirements.ForecastSettings settings =
        new Requirements.ForecastSettings(
            time, (int) horizon, names(overlays), skipPeriods(task), names(alsoForecast));
    String target = String.valueOf(task.getVariable(ProcessVariables.TARGET_ATTRIBUTE)).strip();
    if (settings.overlayNames().contains(time) || settings.overlayNames().contains(target)) {
      throw invalid(
          "overlays",
          "Overlays are inputs known in advance (promotions, prices, holidays); the date and the"
              + " target are not overlays");
    }
    for (String series : settings.alsoForecastNames()) {
      if (series.equals(time)
          || series.equals(target)
          || settings.overlayNames().contains(series)) {
        throw invalid(
            "alsoForecast",
            "'"
                + series
                + "' is "
                + (series.equals(time)
                    ? "the date of each row"
                    : series.equals(target)
                        ? "the target already"
                        : "an overlay, an input known in advance")
                + ": the other series forecast with the target are numeric attributes besides these");
      }
    }
    String metric = String.valueOf(task.getVariable(ProcessVariables.SUCCESS_METRIC)).strip();
    if (!settings.alsoForecastNames().isEmpty()
        && (metric.equals(SuccessMetric.meanAbsoluteError.name())
            || metric.equals(SuccessMetric.rootMeanSquaredError.name()))) {
      throw invalid(
          "successMetric",
          metric
              + " is in each series' own units, which cannot be compared across the"
              + " "
              + (settings.alsoForecastNames().size() + 1)
              + " series forecast; judge them by "
              + SuccessMetric.maeRatioToSeasonalNaive
              + " or "
              + SuccessMetric.meanAbsolutePercentageError
              + " (the worst series counts)");
    }
    task.setVariable(ProcessVariables.TIME_ATTRIBUTE, settings.timeAttribute());
    task.setVariable(ProcessVariables.HORIZON, settings.horizon());
    return settings;
  }

  /**
   * The learner of a forecast whose requirements name none, as in the founding document's sales
   * forecast.
   */
  static final String FORECAST_DEFAULT_LEARNER = "weka.classifiers.functions.LinearRegression";

  /** Names separated by commas or lines, once each, comma-separated; null for none. */
  private static String names(String listed) {
    List<String> names = ai.lepton.ml.NameList.of(listed);
    return names.isEmpty() ? null : String.join(",", names);
  }

  /**
   * The decision rule sets the engagement's models may be used with: each one Lepton has, or a 400
   * naming it.
   */
  private String checkRuleSets(DelegateTask task) {
    Object value = task.getVariable(ProcessVariables.RULE_SETS);
    List<String> named = ai.lepton.ml.NameList.of(value == null ? null : value.toString());
    Set<String> known = ruleSets.decisionRuleSets();
    List<String> unknown = named.stream().filter(name -> !known.contains(name)).toList();
    if (!unknown.isEmpty()) {
      throw invalid(
          "ruleSets",
          "No decision rule set is named "
              + String.join(", ", unknown)
              + "; Lepton has "
              + new java.util.TreeSet<>(known));
    }
    String joined = String.join(",", named);
    task.setVariable(ProcessVariables.RULE_SETS, joined);
    return joined.isEmpty() ? null : joined;
  }

  private static String textOrNull(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /**
   * A pull names a client database that serves this engagement and one SELECT over the tables it
   * allows ({@link SqlPullPolicy}); a refusal is a 400 naming what was refused, and an audit entry
   * that stays.
   */
  private void checkSqlPull(DelegateTask task) {
    Object source = task.getVariable(ProcessVariables.SQL_SOURCE);
    Object query = task.getVariable(ProcessVariables.SQL_QUERY);
    boolean hasSource = source != null && !source.toString().isBlank();
    boolean hasQuery = query != null && !query.toString().isBlank();
    if (hasSource != hasQuery) {
      throw invalid(
          hasSource ? "sqlQuery" : "sqlSource",
          "A SQL pull needs both a client database (sqlSource) and a SELECT (sqlQuery)");
    }
    if (hasQuery) {
      String key = task.getExecution().getProcessBusinessKey();
      Object client = task.getVariable(ProcessVariables.CLIENT);
      try {
        sqlPulls.check(
            key,
            client == null ? null : client.toString(),
            source.toString().strip(),
            query.toString());
      } catch (SqlPullRefusedException e) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("source", source.toString());
        payload.put("query", query.toString());
        payload.put("reason", e.getMessage());
        audit.appendRegardless(
            CurrentUser.of(task), "SQL_PULL_REFUSED", "engagement", key, payload);
        throw invalid(ProcessVariables.SQL_QUERY, e.getMessage());
      }
    }
  }

  private static String requireText(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw invalid(name, name + " is required");
    }
    return value.toString().strip();
  }

  private static double number(DelegateTask task, String name, Double fallback) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      if (fallback == null) {
        throw invalid(name, name + " is required");
      }
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().strip());
    } catch (NumberFormatException e) {
      throw invalid(name, name + " must be a number, not '" + value + "'");
    }
  }

  private static FormFieldValidationException invalid(String field, String message) {
    return new FormFieldValidationException(field, message);
  }
}
