package ai.lepton.autoconfigure;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Camel route that carries automated actions of the customer-retention process to {@code
 * lepton.actions.retention-uri}. Off with {@code lepton.actions.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "lepton.actions", name = "enabled", matchIfMissing = true)
@ComponentScan(basePackages = "ai.lepton.actions")
public class LeptonActionsAutoConfiguration {}
