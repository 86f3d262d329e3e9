package ai.lepton.process;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The beans Lepton's processes call by name: the delegates of service tasks, the listeners of tasks
 * and executions, and the beans whose methods or properties an expression calls. Running instances
 * of every deployed version evaluate these names, so a component keeps its name here and declares
 * it with this constant ({@code @Component(ProcessBeans.APPLY_RULES)}); the process-model tests
 * check the BPMN against these sets, the starter's that each is a bean with what the BPMN calls on
 * it.
 */
public final class ProcessBeans {

  // service-task delegates (delegateExpression of a service or send task)
  public static final String PREPARE_DATASET = "prepareDataset";
  public static final String SELECT_CHAMPION = "selectChampion";
  public static final String DEPLOY_MODEL = "deployModel";
  public static final String SCORE_RECORD = "scoreRecord";
  public static final String APPLY_RULES = "applyRules";
  public static final String LOG_DECISION = "logDecision";
  public static final String SEND_RETENTION_ACTION = "sendRetentionAction";
  public static final String ROLL_BACK_MODEL = "rollBackModel";
  public static final String ASSEMBLE_RETRAINING_DATA = "assembleRetrainingData";
  public static final String FORECAST_DEMAND = "forecastDemand";
  public static final String COMPARE_CHALLENGER = "compareChallenger";
  public static final String SETTLE_CHALLENGER = "settleChallenger";
  public static final String ANALYSE_RULE_IMPACT = "analyseRuleImpact";
  public static final String ACTIVATE_RULE_SET_VERSION = "activateRuleSetVersion";
  public static final String RECORD_NEWS_DECISION = "recordNewsDecision";

  /** A delegate only the element templates name (a host's BPMN uses it; Lepton's own do not). */
  public static final String SEND_DATASET = "sendDataset";

  // listeners (delegateExpression of a task or execution listener)
  public static final String RECORD_ACCOUNT_MANAGER_ACTION = "recordAccountManagerAction";
  public static final String RECORD_APPROVAL = "recordApproval";
  public static final String RECORD_CHALLENGER_DECISION = "recordChallengerDecision";
  public static final String RECORD_FINDINGS_REVIEW = "recordFindingsReview";
  public static final String RECORD_NEWS_REVIEW = "recordNewsReview";
  public static final String RECORD_OFFICER_DECISION = "recordOfficerDecision";
  public static final String RECORD_ROLLBACK_DECISION = "recordRollbackDecision";
  public static final String RECORD_RULE_CHANGE_DECISION = "recordRuleChangeDecision";
  public static final String REQUIRE_ENGAGEMENT_KEY = "requireEngagementKey";
  public static final String VALIDATE_REQUIREMENTS = "validateRequirements";
  public static final String VALIDATE_REVIEW = "validateReview";

  // beans an expression calls a method or reads a property of (${audit.qualityVerdict(execution)})
  public static final String AUDIT = "audit";
  public static final String CHALLENGER_TRIAL = "challengerTrial";
  public static final String EXPLANATIONS = "explanations";
  public static final String EXTERNAL_STEPS = "externalSteps";
  public static final String MONITORING_SCHEDULE = "monitoringSchedule";
  public static final String NEWS_ITEMS = "newsItems";
  public static final String POLICY_VERDICTS = "policyVerdicts";
  public static final String REQUIREMENTS_RECORD = "requirementsRecord";
  public static final String TRAINING_TASKS = "trainingTasks";

  /** The delegates of Lepton's service and send tasks. */
  public static final Set<String> DELEGATES =
      Set.of(
          PREPARE_DATASET,
          SELECT_CHAMPION,
          DEPLOY_MODEL,
          SCORE_RECORD,
          APPLY_RULES,
          LOG_DECISION,
          SEND_RETENTION_ACTION,
          ROLL_BACK_MODEL,
          ASSEMBLE_RETRAINING_DATA,
          FORECAST_DEMAND,
          COMPARE_CHALLENGER,
          SETTLE_CHALLENGER,
          ANALYSE_RULE_IMPACT,
          ACTIVATE_RULE_SET_VERSION,
          RECORD_NEWS_DECISION);

  /** Delegates only the element templates name. */
  public static final Set<String> TEMPLATE_DELEGATES = Set.of(SEND_DATASET);

  /** The listeners the processes name. */
  public static final Set<String> LISTENERS =
      Set.of(
          RECORD_ACCOUNT_MANAGER_ACTION,
          RECORD_APPROVAL,
          RECORD_CHALLENGER_DECISION,
          RECORD_FINDINGS_REVIEW,
          RECORD_NEWS_REVIEW,
          RECORD_OFFICER_DECISION,
          RECORD_ROLLBACK_DECISION,
          RECORD_RULE_CHANGE_DECISION,
          REQUIRE_ENGAGEMENT_KEY,
          VALIDATE_REQUIREMENTS,
          VALIDATE_REVIEW);

  /** The beans whose methods or properties the processes' expressions call. */
  public static final Set<String> EXPRESSION_BEANS =
      Set.of(
          AUDIT,
          CHALLENGER_TRIAL,
          EXPLANATIONS,
          EXTERNAL_STEPS,
          MONITORING_SCHEDULE,
          NEWS_ITEMS,
          POLICY_VERDICTS,
          REQUIREMENTS_RECORD,
          TRAINING_TASKS);

  /** Every name above. */
  public static final Set<String> ALL =
      Stream.of(DELEGATES, TEMPLATE_DELEGATES, LISTENERS, EXPRESSION_BEANS)
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  private ProcessBeans() {}
}
