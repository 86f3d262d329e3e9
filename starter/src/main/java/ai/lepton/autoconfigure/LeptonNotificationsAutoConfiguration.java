package ai.lepton.autoconfigure;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.notifications.EngagementNotifications;
import ai.lepton.notifications.NotificationOutbox;
import ai.lepton.notifications.NotificationRoute;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Notifications of what an engagement needs from people ({@link EngagementNotifications}),
 * delivered by a Camel route to {@code lepton.notifications.endpoint}: by default JSON files in
 * {@code <data-dir>/outbox/notifications}, {@code smtp://…} for mail, {@code http(s)://…} for a
 * webhook. Links point at {@code lepton.public-url}. Off with {@code
 * lepton.notifications.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, LeptonAutoConfiguration.class})
@ConditionalOnProperty(prefix = "lepton.notifications", name = "enabled", matchIfMissing = true)
public class LeptonNotificationsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  NotificationRoute leptonNotificationRoute(
      @Value("${lepton.data-dir:./data}") String dataDir,
      @Value("${lepton.notifications.endpoint:}") String endpoint,
      @Value("${lepton.notifications.undelivered:}") String undelivered) {
    Path outbox = Path.of(dataDir, "outbox").toAbsolutePath().normalize();
    return new NotificationRoute(
        endpoint.isBlank() ? "file:" + outbox.resolve("notifications") : endpoint,
        "file:"
            + (undelivered.isBlank()
                ? outbox.resolve("notifications-undelivered")
                : Path.of(undelivered)));
  }

  @Bean
  @ConditionalOnMissingBean
  NotificationOutbox leptonNotificationOutbox(CamelContext camel, ObjectMapper json) {
    return new NotificationOutbox(camel.createProducerTemplate(), json);
  }

  @Bean
  @ConditionalOnMissingBean
  EngagementNotifications leptonEngagementNotifications(
      AuditTrail audit,
      HistoryService history,
      IdentityService identity,
      AsLepton asLepton,
      NotificationOutbox outbox,
      @Value("${lepton.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
    return new EngagementNotifications(audit, history, identity, asLepton, outbox, publicUrl);
  }
}
