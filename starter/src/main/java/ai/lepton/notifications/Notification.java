package ai.lepton.notifications;

import java.util.List;
import java.util.Map;

/**
 * What happened in an engagement that someone must know: the engagement, what happened in words,
 * who is told (groups, users and their e-mail addresses from Camunda's identity service) and where
 * to look.
 */
public record Notification(
    String id,
    NotificationType type,
    String at,
    String engagementId,
    String processInstanceId,
    String client,
    String engagementName,
    String what,
    List<String> toGroups,
    List<String> toUsers,
    List<String> toEmails,
    String link,
    Map<String, Object> details) {

  public Notification {
    toGroups = List.copyOf(toGroups);
    toUsers = List.copyOf(toUsers);
    toEmails = List.copyOf(toEmails);
    details = Map.copyOf(details);
  }
}
