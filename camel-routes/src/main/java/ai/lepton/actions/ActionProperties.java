package ai.lepton.actions;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lepton.actions.*}: where automated business actions go.
 *
 * @param retentionUri the Camel endpoint that receives retention actions (one JSON document each);
 *     by default a file outbox a CRM import or a person can pick up, e.g. {@code
 *     file:/var/lepton/outbox/retention-actions}. Any Camel endpoint on the classpath works (an
 *     HTTP endpoint of the CRM, a queue).
 */
@ConfigurationProperties(prefix = "lepton.actions")
public record ActionProperties(String retentionUri) {

  public ActionProperties {
    retentionUri =
        retentionUri == null || retentionUri.isBlank()
            ? "file:./data/outbox/retention-actions"
            : retentionUri;
  }
}
