package ai.lepton.notifications;

/**
 * The events a project manager or a model risk officer is told about, and the subject line each one
 * gets.
 */
public enum NotificationType {
  APPROVAL_NEEDED("A model awaits your approval"),
  MODEL_APPROVED("Model approved"),
  MODEL_REJECTED("Model rejected"),
  MODEL_DEPLOYED("Model deployed"),
  DRIFT_WARNING("Drift warning on the live model"),
  RETRAINING_ADVISED("The live model should be retrained"),
  ROLLBACK_ADVISED("The live model should be rolled back"),
  INCIDENT("An engagement is stuck on an incident"),
  CLIENT_DATA_OVERDUE("The client's data is overdue");

  private final String subject;

  NotificationType(String subject) {
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }
}
