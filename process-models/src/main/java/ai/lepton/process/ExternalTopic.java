package ai.lepton.process;

/** The external-task topics of Lepton's processes: work done by workers that fetch and lock it. */
public enum ExternalTopic {

  /** <em>Train candidate</em> in {@code ai-engagement}: one candidate model per task. */
  TRAIN_CANDIDATE("lepton-train-candidate");

  private final String topic;

  ExternalTopic(String topic) {
    this.topic = topic;
  }

  public String topic() {
    return topic;
  }
}
