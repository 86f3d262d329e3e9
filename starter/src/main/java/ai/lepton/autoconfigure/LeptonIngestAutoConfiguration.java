package ai.lepton.autoconfigure;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;

/**
 * Lepton's Camel ingest: one pipeline for HTTP uploads, the file-drop inbox and SQL pulls from
 * declared client databases, with quarantine ({@code camel-routes/README.md}). Off with {@code
 * lepton.ingest.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "lepton.ingest", name = "enabled", matchIfMissing = true)
@ComponentScan(basePackages = "ai.lepton.ingest")
public class LeptonIngestAutoConfiguration {}
