package ai.lepton.autoconfigure;

import ai.lepton.news.NewsProperties;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * News monitoring: RSS and Atom feeds and dropped feed files read item by item, each decided once
 * by a deployed text model and the news-monitoring rules in the news-monitoring process ({@code
 * camel-routes/README.md}). Off with {@code lepton.news.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, LeptonIngestAutoConfiguration.class})
@ConditionalOnProperty(prefix = "lepton.news", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(NewsProperties.class)
@ComponentScan(basePackages = "ai.lepton.news")
public class LeptonNewsAutoConfiguration {}
