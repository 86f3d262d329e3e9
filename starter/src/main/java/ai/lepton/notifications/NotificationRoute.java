package ai.lepton.notifications;

import org.apache.camel.builder.RouteBuilder;

/**
 * Delivers notifications to one configurable Camel endpoint ({@code
 * lepton.notifications.endpoint}): by default JSON files in {@code
 * <data-dir>/outbox/notifications}; {@code smtp://…} for mail, {@code http(s)://…} for a webhook,
 * or any other Camel URI. A delivery that still fails after three retries lands, unchanged, in
 * {@code lepton.notifications.undelivered} (a folder), so nothing is lost.
 */
public class NotificationRoute extends RouteBuilder {

  public static final String ENDPOINT = "direct:lepton-notifications";

  private final String target;
  private final String undelivered;

  public NotificationRoute(String target, String undelivered) {
    this.target = target;
    this.undelivered = undelivered;
  }

  @Override
  public void configure() {
    errorHandler(
        deadLetterChannel(undelivered)
            .useOriginalMessage()
            .maximumRedeliveries(3)
            .redeliveryDelay(1_000)
            .logExhausted(true));
    from(ENDPOINT).routeId("lepton-notifications").to(target);
  }
}
