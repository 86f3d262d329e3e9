package ai.lepton.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Hands a notification to {@link NotificationRoute} as JSON, with the headers the usual endpoints
 * read: a file name for a folder, subject and recipients for mail, a POST of JSON for a webhook.
 */
public class NotificationOutbox {

  private final ProducerTemplate producer;
  private final ObjectMapper json;

  public NotificationOutbox(ProducerTemplate producer, ObjectMapper json) {
    this.producer = producer;
    this.json = json;
  }

  public void send(Notification notification) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put(
        Exchange.FILE_NAME,
        notification.at().replaceAll("[^0-9TZ]", "")
            + "-"
            + notification.type()
            + "-"
            + notification.engagementId().replaceAll("[^A-Za-z0-9._-]", "_")
            + "-"
            + notification.id()
            + ".json");
    headers.put(Exchange.CONTENT_TYPE, "application/json");
    headers.put(Exchange.HTTP_METHOD, "POST");
    headers.put(
        "Subject",
        notification.type().subject()
            + ": "
            + notification.engagementId()
            + (notification.client() == null ? "" : " (" + notification.client() + ")"));
    headers.put("To", String.join(",", notification.toEmails()));
    headers.put("LeptonNotificationType", notification.type().name());
    headers.put("LeptonEngagement", notification.engagementId());
    try {
      producer.sendBodyAndHeaders(
          NotificationRoute.ENDPOINT, json.writeValueAsString(notification), headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A notification could not be written as JSON", e);
    }
  }
}
