package ai.lepton.process;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * The names of the process variables Lepton's processes, forms, element templates and Java code
 * share: one constant per name, so a variable renamed in one place is renamed everywhere or fails
 * {@code ProcessModelLintTest} (which holds every name a BPMN expression, a form field or an
 * element template binds to this list). Each name is written exactly as the processes use it;
 * several are also the names a host application's BPMN binds through Lepton's element templates, so
 * renaming one is a change of contract.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  // The engagement as opened and its requirements, as the forms set them and Lepton records them
  public static final String ENGAGEMENT_ID = "engagementId";
  public static final String CLIENT = "client";
  public static final String ENGAGEMENT_NAME = "engagementName";
  public static final String INTENDED_USE = "intendedUse";
  public static final String INITIATOR = "initiator";
  public static final String TARGET_ATTRIBUTE = "targetAttribute";
  public static final String PROBLEM_TYPE = "problemType";
  public static final String SUCCESS_METRIC = "successMetric";
  public static final String SUCCESS_THRESHOLD = "successThreshold";
  public static final String ALGORITHMS = "algorithms";
  public static final String FOLDS = "folds";
  public static final String SEED = "seed";
  public static final String RULE_SETS = "ruleSets";
  public static final String PII_COLUMNS = "piiColumns";
  public static final String PROTECTED_ATTRIBUTES = "protectedAttributes";
  public static final String FAVOURABLE_LABEL = "favourableLabel";
  public static final String FAIRNESS_FLOOR = "fairnessFloor";
  public static final String EXPECTED_SCHEMA = "expectedSchema";
  public static final String SQL_SOURCE = "sqlSource";
  public static final String SQL_QUERY = "sqlQuery";
  public static final String TEXT_ATTRIBUTES = "textAttributes";
  public static final String TEXT_OPTIONS = "textOptions";
  public static final String TIME_ATTRIBUTE = "timeAttribute";
  public static final String HORIZON = "horizon";
  public static final String SKIP_PERIODS = "skipPeriods";
  public static final String OVERLAYS = "overlays";
  public static final String ALSO_FORECAST = "alsoForecast";
  public static final String DATA_CHASE_AFTER = "dataChaseAfter";
  public static final String REQUIREMENTS_COMPLETED_BY = "requirementsCompletedBy";
  public static final String CHASE_NOTE = "chaseNote";
  public static final String DATA_REQUEST_NOTE = "dataRequestNote";
  public static final String CLOSE_REASON = "closeReason";
  public static final String CLOSED_BY = "closedBy";

  // The client's data: the dataset received, its profile, the quality gate and the prepared dataset
  public static final String DATASET_ID = "datasetId";
  public static final String DATASET_SHA256 = "datasetSha256";
  public static final String DATASET_PROFILE = "datasetProfile";
  public static final String DATASET_ROWS = "datasetRows";
  public static final String DATASET_ROWS_WITH_MISSING_VALUES = "datasetRowsWithMissingValues";
  public static final String MONITORING_DATASET_ID = "monitoringDatasetId";
  public static final String SQL_PULLED_AT = "sqlPulledAt";
  public static final String QUALITY_VERDICT = "qualityVerdict";
  public static final String QUALITY_FINDINGS = "qualityFindings";
  public static final String QUALITY_DROP_ATTRIBUTES = "qualityDropAttributes";
  public static final String QUALITY_OPEN_FINDINGS = "qualityOpenFindings";
  public static final String QUALITY_RULES_FIRED = "qualityRulesFired";
  public static final String PREPARED_DATASET_ID = "preparedDatasetId";
  public static final String PREPARED_DATASET_SHA256 = "preparedDatasetSha256";

  // Training, the champion, the approval policy and the four-eyes approval
  public static final String ALGORITHM = "algorithm";
  public static final String CANDIDATE_MODEL_VERSION_ID = "candidateModelVersionId";
  public static final String TRAINING_ROUND = "trainingRound";
  public static final String CANDIDATE_SKILLS = "candidateSkills";
  public static final String CHAMPION_METRICS = "championMetrics";
  public static final String CHAMPION_ALGORITHM = "championAlgorithm";
  public static final String CHAMPION_METRIC_VALUE = "championMetricValue";
  public static final String CHAMPION_MEETS_THRESHOLD = "championMeetsThreshold";
  public static final String CHAMPION_SUMMARY = "championSummary";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String POLICY_VERDICT = "policyVerdict";
  public static final String POLICY_BLOCKERS = "policyBlockers";
  public static final String POLICY_WARNINGS = "policyWarnings";
  public static final String POLICY_RULES_FIRED = "policyRulesFired";
  public static final String APPROVED = "approved";
  public static final String APPROVAL_REASON = "approvalReason";
  public static final String APPROVED_BY = "approvedBy";
  public static final String OVERRIDE_REASON = "overrideReason";
  public static final String DEPLOY_AS = "deployAs";
  public static final String MODEL_VERSION_ID = "modelVersionId";

  // Maintenance: monitoring checks, their verdict, reviews, rollback, retraining and challenger
  // trials
  public static final String MONITORING_RESULT = "monitoringResult";
  public static final String MONITORING_CHECK_ID = "monitoringCheckId";
  public static final String MONITORING_SUMMARY = "monitoringSummary";
  public static final String MAINTENANCE_VERDICT = "maintenanceVerdict";
  public static final String MAINTENANCE_FINDINGS = "maintenanceFindings";
  public static final String MAINTENANCE_RULES_FIRED = "maintenanceRulesFired";
  public static final String FINDINGS_REVIEW_OPEN = "findingsReviewOpen";
  public static final String FINDINGS_DECISION = "findingsDecision";
  public static final String FINDINGS_NOTE = "findingsNote";
  public static final String ROLLBACK_DECISION = "rollbackDecision";
  public static final String ROLLBACK_REASON = "rollbackReason";
  public static final String ROLLBACK_CONFIRMED_BY = "rollbackConfirmedBy";
  public static final String ROLLED_BACK_FROM = "rolledBackFrom";
  public static final String RETRAINING_ROWS = "retrainingRows";
  public static final String RETRAINED_FROM = "retrainedFrom";
  public static final String CHALLENGER_ON_TRIAL = "challengerOnTrial";
  public static final String CHALLENGER_READY = "challengerReady";
  public static final String CHALLENGER_SUMMARY = "challengerSummary";
  public static final String CHALLENGER_VERSION_ID = "challengerVersionId";
  public static final String CHALLENGER_FIGURES = "challengerFigures";
  public static final String CHALLENGER_PROMOTED = "challengerPromoted";
  public static final String PROMOTE_CHALLENGER = "promoteChallenger";
  public static final String CHALLENGER_DECISION_REASON = "challengerDecisionReason";

  // A model decision (model-decision and its element templates): what a calling process passes and
  // gets back
  public static final String MODEL_NAME = "modelName";
  public static final String RULE_SET = "ruleSet";
  public static final String FEATURES = "features";
  public static final String CONTEXT = "context";
  public static final String PREDICTION = "prediction";
  public static final String PROBABILITY = "probability";
  public static final String DISTRIBUTION = "distribution";
  public static final String EXPLANATION = "explanation";
  public static final String EXPLANATION_SUMMARY = "explanationSummary";
  public static final String MISSING_FEATURES = "missingFeatures";
  public static final String DECISION = "decision";
  public static final String DECISION_REASON = "decisionReason";
  public static final String DECISION_ID = "decisionId";
  public static final String RULES_FIRED = "rulesFired";
  public static final String RULE_SET_VERSION = "ruleSetVersion";
  public static final String RULE_SET_SHA256 = "ruleSetSha256";
  public static final String ERROR_CODE = "errorCode";
  public static final String ERROR_MESSAGE = "errorMessage";

  // A dataset handed over by a business process (the send-dataset template)
  public static final String DATASET_NAME = "datasetName";
  public static final String DATASET_PURPOSE = "datasetPurpose";
  public static final String DATASET_VARIABLE = "datasetVariable";
  public static final String DATASET_CORRELATED = "datasetCorrelated";

  // Credit applications: a credit officer deciding in place of the model
  public static final String MODEL_DECISION = "modelDecision";
  public static final String OFFICER_REASON = "officerReason";
  public static final String DECIDED_BY = "decidedBy";
  public static final String OVERRULED_MODEL = "overruledModel";

  // Customer retention: the action taken for a customer likely to leave
  public static final String RETENTION_ACTION = "retentionAction";
  public static final String ACTION_DECIDED_BY = "actionDecidedBy";
  public static final String CUSTOMER_ID = "customerId";
  public static final String RETENTION_ACTION_ID = "retentionActionId";

  // News monitoring: a story about a client and its review
  public static final String NEWS_ITEM_ID = "newsItemId";
  public static final String ARTICLE_TITLE = "articleTitle";
  public static final String ARTICLE_LINK = "articleLink";
  public static final String ARTICLE_EXCERPT = "articleExcerpt";
  public static final String EARLIER_ALERTS_ABOUT_CLIENT = "earlierAlertsAboutClient";
  public static final String NEWS_DECISION = "newsDecision";
  public static final String NEGATIVE_NEWS = "negativeNews";
  public static final String REVIEW_NOTE = "reviewNote";
  public static final String REVIEWED_BY = "reviewedBy";

  // Stock replenishment: the forecast and the order it leads to
  public static final String LEAD_TIME_PERIODS = "leadTimePeriods";
  public static final String STOCK_ON_HAND = "stockOnHand";
  public static final String SAFETY_STOCK = "safetyStock";
  public static final String FORECAST_TARGET = "forecastTarget";
  public static final String FORECAST_ID = "forecastId";
  public static final String FORECAST_MODEL_VERSION_ID = "forecastModelVersionId";
  public static final String DEMAND_NEXT_PERIOD = "demandNextPeriod";
  public static final String DEMAND_OVER_LEAD_TIME = "demandOverLeadTime";
  public static final String UPPER_DEMAND_OVER_LEAD_TIME = "upperDemandOverLeadTime";
  public static final String REORDER_QUANTITY = "reorderQuantity";

  // Rule changes: a new rule set version, its impact and its approval
  public static final String RULE_IMPACT = "ruleImpact";
  public static final String RULE_IMPACT_SUMMARY = "ruleImpactSummary";
  public static final String SUBMITTED_BY = "submittedBy";

  /** Every name above. */
  public static List<String> all() {
    return Arrays.stream(ProcessVariables.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(ProcessVariables::value)
        .toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
