package ai.lepton.autoconfigure;

import ai.lepton.metrics.AuditMeters;
import ai.lepton.metrics.DecisionMeters;
import ai.lepton.metrics.DecisionStepTimers;
import ai.lepton.metrics.DriftMeters;
import ai.lepton.metrics.EngineMeters;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engine.AsLepton;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lepton's meters (Micrometer): decisions and their two steps, the engine's backlog, drift per
 * model and attribute, audit entries and datasets. They go to the host's {@link MeterRegistry}
 * (with Spring Boot Actuator, e.g. its Prometheus endpoint), else to Micrometer's global registry,
 * where they cost next to nothing. Off with {@code lepton.metrics.enabled=false}.
 */
@AutoConfiguration(
    after = LeptonAutoConfiguration.class,
    before = CamundaBpmAutoConfiguration.class)
@ConditionalOnProperty(prefix = "lepton.metrics", name = "enabled", matchIfMissing = true)
public class LeptonMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  DecisionMeters leptonDecisionMeters(ObjectProvider<MeterRegistry> registry) {
    return new DecisionMeters(registry.getIfAvailable(() -> Metrics.globalRegistry));
  }

  @Bean
  DecisionStepTimers leptonDecisionStepTimers(DecisionMeters meters) {
    return new DecisionStepTimers(meters);
  }

  @Bean
  MeterBinder leptonEngineMeters(
      ObjectProvider<ProcessEngineConfigurationImpl> engine, ObjectProvider<AsLepton> asLepton) {
    return registry -> EngineMeters.register(registry, engine.getObject(), asLepton.getObject());
  }

  @Bean
  MeterBinder leptonAuditMeters(AuditTrail audit) {
    return registry -> AuditMeters.register(registry, audit);
  }

  @Bean
  DriftMeters leptonDriftMeters(
      JdbcTemplate jdbc, @Value("${lepton.metrics.drift-refresh:PT1M}") Duration every) {
    return new DriftMeters(jdbc, every);
  }
}
