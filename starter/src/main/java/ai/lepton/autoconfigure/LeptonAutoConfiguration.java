package ai.lepton.autoconfigure;

import ai.lepton.decisions.ChallengerShadow;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engagement.SqlPullPolicy;
import ai.lepton.ml.engagement.SqlPullRefusedException;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.DecisionShadow;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.process.ProcessBeans;
import ai.lepton.rules.RuleService;
import ai.lepton.rules.RuleSource;
import ai.lepton.rulesets.ActivateRuleSetVersionDelegate;
import ai.lepton.rulesets.AnalyseRuleImpactDelegate;
import ai.lepton.rulesets.RecordRuleChangeDecisionListener;
import ai.lepton.rulesets.RuleImpact;
import ai.lepton.rulesets.RuleSetVersions;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lepton's core in the host's engine: the delegates and listeners its processes name, the model
 * registry, dataset store, decision log, monitoring and audit trail, the rule sets, the engine
 * plugins (history level, refusals, operator acts, node job locks, deserialisation filter),
 * Lepton's groups and their rights, and Lepton's tables.
 *
 * <p>Parts a host may turn off: {@code lepton.authorizations.enabled} (Lepton's groups and rights
 * set on each start), {@code lepton.tasklist-filters.enabled}. A host's own {@code
 * RuleSetCatalogue} bean replaces Lepton's; without Lepton's ingest, no SQL pull is allowed.
 */
@AutoConfiguration(
    after = {
      DataSourceAutoConfiguration.class,
      JdbcTemplateAutoConfiguration.class,
      LeptonIngestAutoConfiguration.class
    },
    before = CamundaBpmAutoConfiguration.class)
@ComponentScan(
    basePackages = {
      "ai.lepton.ml",
      "ai.lepton.processes",
      "ai.lepton.rules",
      "ai.lepton.engine",
      "ai.lepton.access"
    })
public class LeptonAutoConfiguration {

  /** Lepton's tables, after the host's own migrations ({@link LeptonSchemaInitializerDetector}). */
  @Bean
  @ConditionalOnMissingBean
  public LeptonSchemaInitializer leptonSchema(DataSource dataSource) {
    return new LeptonSchemaInitializer(dataSource);
  }

  /**
   * A challenger on trial answers every live decision in shadow: scored by it, decided by the same
   * rule set.
   */
  @Bean
  @ConditionalOnMissingBean
  public DecisionShadow leptonChallengerShadow(RecordScorer scorer, RuleService rules) {
    return new ChallengerShadow(scorer, rules);
  }

  /**
   * The rule sets' versions in Lepton's tables (the jar's rules are version 1); which one decides
   * is read again after {@code lepton.scoring.recheck-live-version}, as the live model version is.
   */
  @Bean
  public RuleSetVersions leptonRuleSetVersions(
      JdbcTemplate jdbc,
      AuditTrail audit,
      @Value("${lepton.scoring.recheck-live-version:PT5S}") Duration recheck) {
    return new RuleSetVersions(jdbc, audit, recheck);
  }

  /**
   * The impact of a proposed rule set version on the newest {@code lepton.rules.impact-decisions}
   * decisions.
   */
  @Bean
  public RuleImpact leptonRuleImpact(
      DecisionLog log,
      RuleService rules,
      @Value("${lepton.rules.impact-decisions:1000}") int lastDecisions) {
    return new RuleImpact(log, rules, lastDecisions);
  }

  /** rule-change's steps, by the names its BPMN calls them. */
  @Bean(ProcessBeans.ANALYSE_RULE_IMPACT)
  public AnalyseRuleImpactDelegate leptonAnalyseRuleImpact(
      RuleSetVersions versions, RuleImpact impact) {
    return new AnalyseRuleImpactDelegate(versions, impact);
  }

  @Bean(ProcessBeans.RECORD_RULE_CHANGE_DECISION)
  public RecordRuleChangeDecisionListener leptonRecordRuleChangeDecision(
      RuleSetVersions versions, RuleImpact impact, AuditTrail audit) {
    return new RecordRuleChangeDecisionListener(versions, impact, audit);
  }

  @Bean(ProcessBeans.ACTIVATE_RULE_SET_VERSION)
  public ActivateRuleSetVersionDelegate leptonActivateRuleSetVersion(RuleSetVersions versions) {
    return new ActivateRuleSetVersionDelegate(versions);
  }

  /** The jar's rule sets stored as versions on start, before the demo or any process decides. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public ApplicationRunner leptonRuleSetsShipped(
      RuleSource source, PlatformTransactionManager transactions) {
    return args -> {
      if (source instanceof RuleSetVersions versions) {
        versions.shipJarVersions(new TransactionTemplate(transactions));
      }
    };
  }

  /**
   * Without Lepton's ingest (lepton.ingest.enabled=false) and without a policy of the host's, no
   * SQL pull.
   */
  @Bean
  @ConditionalOnMissingBean
  public SqlPullPolicy noSqlPulls() {
    return (engagement, client, source, query) -> {
      throw new SqlPullRefusedException(
          "No client database may be pulled from here: Lepton's ingest is turned off"
              + " (lepton.ingest.enabled=false)");
    };
  }
}
