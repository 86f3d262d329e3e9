package ai.lepton.autoconfigure;

import ai.lepton.access.ApiAccessFilter;
import ai.lepton.access.CamundaAuthenticationFilter;
import ai.lepton.access.CrossSiteRequestFilter;
import ai.lepton.api.ProcessStartRights;
import ai.lepton.decisions.BatchDecisions;
import ai.lepton.decisions.DecisionFileDropRoute;
import ai.lepton.decisions.DecisionFolderAccounts;
import ai.lepton.decisions.DecisionReplay;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.scoring.ShadowScoring;
import ai.lepton.rules.RuleService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Lepton's REST API under {@code /api}: decisions and their log, datasets, models and cards,
 * engagements, monitoring data, the audit trail. Every endpoint asks the engine who is acting
 * ({@code IdentityService}): a call nobody logged in to is refused. Off with {@code
 * lepton.api.enabled=false}; decisions alone with {@code lepton.decisions.enabled}, dataset uploads
 * follow {@code lepton.ingest.enabled}.
 */
@AutoConfiguration(after = LeptonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "lepton.api", name = "enabled", matchIfMissing = true)
@ComponentScan(basePackages = "ai.lepton.api")
public class LeptonApiAutoConfiguration {

  /**
   * Replays of logged decisions, with the model and rule set versions that took them; writes
   * nothing.
   */
  @Bean
  @ConditionalOnMissingBean
  DecisionReplay leptonDecisionReplay(
      DecisionLog log, DeployedModels models, RecordScorer scorer, RuleService rules) {
    return new DecisionReplay(log, models, scorer, rules);
  }

  /**
   * Batch decisions: the scorer, rule sessions and decision log of single decisions, without a
   * process per row.
   */
  @Bean
  @ConditionalOnMissingBean
  BatchDecisions leptonBatchDecisions(
      RecordScorer scorer,
      RuleService rules,
      DecisionLog log,
      AuditTrail audit,
      PlatformTransactionManager transactions,
      ShadowScoring shadow) {
    return new BatchDecisions(scorer, rules, log, audit, transactions, shadow);
  }

  /**
   * Batch decisions by file: {@code <lepton.decisions.inbox>/<model>/} (default the ingest inbox's
   * {@code decisions/}), answers in {@code lepton.decisions.outbox}, each folder decided as the
   * account named for it in {@code lepton.decisions.file-drop.accounts.<model>} or {@code
   * lepton.decisions.file-drop.account} (none: its files are refused). Off with {@code
   * lepton.decisions.file-drop.enabled}.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = "lepton.decisions.file-drop",
      name = "enabled",
      matchIfMissing = true)
  DecisionFileDropRoute leptonDecisionFileDrop(
      BatchDecisions batches,
      IdentityService identity,
      ProcessStartRights rights,
      AuditTrail audit,
      Environment environment,
      @Value("${lepton.decisions.file-drop.account:}") String everyFolder,
      @Value("${lepton.decisions.inbox:${lepton.ingest.inbox:./data/inbox}/decisions}")
          String inbox,
      @Value("${lepton.decisions.outbox:${lepton.data-dir:./data}/outbox/decisions}") String outbox,
      @Value("${lepton.ingest.file-stable-for:2s}") Duration stableFor) {
    Map<String, String> accounts =
        Binder.get(environment)
            .bind("lepton.decisions.file-drop.accounts", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    return new DecisionFileDropRoute(
        batches,
        new DecisionFolderAccounts(accounts, everyFolder, identity, rights, audit),
        Path.of(inbox),
        Path.of(outbox),
        stableFor.toMillis());
  }

  /**
   * No engine user, no answer; raw data, the decision log and the audit trail only for their
   * groups.
   */
  @Bean
  @ConditionalOnMissingBean(name = "leptonApiAccess")
  FilterRegistrationBean<ApiAccessFilter> leptonApiAccess(
      IdentityService identity, AuditTrail audit, ObjectMapper json) {
    FilterRegistrationBean<ApiAccessFilter> registration =
        new FilterRegistrationBean<>(new ApiAccessFilter(identity, audit, json));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 15);
    return registration;
  }

  /**
   * A form-like call to /api from another site is refused (403, audited): HTTP Basic is resent by
   * browsers.
   */
  @Bean
  @ConditionalOnMissingBean(name = "leptonCrossSiteRequests")
  FilterRegistrationBean<CrossSiteRequestFilter> leptonCrossSiteRequests(
      AuditTrail audit,
      IdentityService identity,
      ObjectMapper json,
      @Value("${lepton.api.allowed-origins:}") List<String> allowedOrigins) {
    FilterRegistrationBean<CrossSiteRequestFilter> registration =
        new FilterRegistrationBean<>(
            new CrossSiteRequestFilter(audit, identity, json, allowedOrigins));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 20);
    return registration;
  }

  /**
   * With Spring Security, the user it authenticated reaches the engine for each {@code /api} call
   * (after the host's security filters), so Lepton's checks and Camunda's authorizations see who
   * acts and in which groups.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
  static class EngineUserOfApiCalls {

    @Bean
    @ConditionalOnMissingBean(name = "leptonEngineUser")
    FilterRegistrationBean<CamundaAuthenticationFilter> leptonEngineUser(IdentityService identity) {
      FilterRegistrationBean<CamundaAuthenticationFilter> registration =
          new FilterRegistrationBean<>(new CamundaAuthenticationFilter(identity));
      registration.addUrlPatterns("/api/*");
      registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
      return registration;
    }
  }
}
