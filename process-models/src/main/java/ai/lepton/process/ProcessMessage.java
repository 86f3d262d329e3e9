package ai.lepton.process;

/** The BPMN messages other modules correlate, by the name the BPMN declares. */
public enum ProcessMessage {

  /** A client's dataset was stored for an engagement waiting at *Await client dataset*. */
  DATASET_RECEIVED("DatasetReceived"),
  /** Production data for the live model's monitoring arrived. */
  MONITORING_DATA_RECEIVED("MonitoringDataReceived"),
  /** A project manager closed an engagement in maintenance. */
  ENGAGEMENT_CLOSED("EngagementClosed");

  private final String messageName;

  ProcessMessage(String messageName) {
    this.messageName = messageName;
  }

  /** The message name, as in the BPMN. */
  public String messageName() {
    return messageName;
  }

  /** The message of that name; an IllegalArgumentException for a name no process declares. */
  public static ProcessMessage named(String name) {
    for (ProcessMessage message : values()) {
      if (message.messageName.equals(name)) {
        return message;
      }
    }
    throw new IllegalArgumentException("No Lepton process declares the message '" + name + "'");
  }
}
