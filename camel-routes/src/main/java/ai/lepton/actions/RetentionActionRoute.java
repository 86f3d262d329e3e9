package ai.lepton.actions;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Retention actions leave Lepton here: a JSON document per action, written to {@code
 * lepton.actions.retention-uri} under the name {@code <action id>.json} (written under a temporary
 * name first, so a reader never sees half a file) and logged. A failure goes back to the sending
 * task, whose job then retries and ends as an incident in Cockpit.
 */
@Component
@EnableConfigurationProperties(ActionProperties.class)
public class RetentionActionRoute extends RouteBuilder {

  public static final String URI = "direct:retention-action";
  public static final String ACTION_ID = "leptonActionId";

  private final ActionProperties properties;

  public RetentionActionRoute(ActionProperties properties) {
    this.properties = properties;
  }

  @Override
  public void configure() {
    String target = properties.retentionUri();
    if (target.startsWith("file:") && !target.contains("tempFileName")) {
      target += (target.contains("?") ? "&" : "?") + "tempFileName=.${file:name}.part";
    }
    from(URI)
        .routeId("send-retention-action")
        .setHeader("CamelFileName", simple("${header." + ACTION_ID + "}.json"))
        .to(target)
        .log(
            "Retention action ${header."
                + ACTION_ID
                + "} sent to "
                + properties.retentionUri()
                + ": ${body}");
  }
}
