package ai.lepton.process;

/** The external-task topics of Lepton's processes: work done by workers that fetch and lock it. */
public enum ExternalTopic {

  /** <em>Train candidate</em> in {@code ai-engagement}: one candidate model per task. */
  TRAIN_CANDIDATE("lepton-train-candidate"),

  /**
   * <em>Profile dataset</em> in {@code ai-engagement}: the profile of the dataset the client sent,
   * with each attribute's cross-validated skill alone; done by a node's embedded worker (it reads
   * Lepton's tables).
   */
  PROFILE_DATASET("lepton-profile-dataset"),

  /**
   * <em>Check drift and accuracy</em> in {@code ai-engagement}'s maintenance: one monitoring check
   * of the live model over its decisions and monitoring data, done by a node's embedded worker (it
   * reads Lepton's tables).
   */
  CHECK_DRIFT("lepton-check-drift");

  private final String topic;

  ExternalTopic(String topic) {
    this.topic = topic;
  }

  public String topic() {
    return topic;
  }

  /**
   * Work only the nodes' embedded workers do and lock: it reads Lepton's tables, which standalone
   * workers never see.
   */
  public boolean nodeOnly() {
    return this != TRAIN_CANDIDATE;
  }

  /** Whether the topic named is one of the {@link #nodeOnly()} ones. */
  public static boolean isNodeOnly(String topic) {
    for (ExternalTopic known : values()) {
      if (known.topic.equals(topic)) {
        return known.nodeOnly();
      }
    }
    return false;
  }
}
