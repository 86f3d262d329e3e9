package ai.lepton.ml.engagement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Lepton's routes ask of the process engine: the running engagement a dataset is for, whether
 * it waits for it, the message that moves it on, and the processes a route starts (a news item's).
 * The core names no engine; ml-delegates answers with Camunda's runtime and history.
 */
public interface EngagementProcesses {

  /**
   * A running ai-engagement.
   *
   * @param engagementKey its business key
   */
  record Running(String processInstanceId, String engagementKey) {}

  /** The running ai-engagement with this business key; empty when it has ended or never was. */
  Optional<Running> running(String engagementKey);

  /** Whether an ai-engagement, running or ended, ever had this business key. */
  boolean everOpened(String engagementKey);

  /**
   * The running engagements at a step whose variable is set and not empty (e.g. waiting for data
   * with a {@code sqlSource}).
   */
  List<Running> at(String activityId, String nonEmptyVariable);

  /** Whether the process instance waits for this message now. */
  boolean waitsFor(String processInstanceId, String messageName);

  /**
   * Correlates the message to the process instance with these variables, as Lepton: the sender was
   * checked by Lepton, and a person's engine rights need not include correlating messages.
   *
   * @return false when the instance no longer waits for the message
   */
  boolean correlateAsLepton(
      String processInstanceId, String messageName, Map<String, Object> variables);

  /** Whether the process instance is inside this activity (e.g. a sub-process) now. */
  boolean isIn(String processInstanceId, String activityId);

  /** The steps (activity ids) the process instance is at now. */
  List<String> activeSteps(String processInstanceId);

  /** A variable of the process instance, or null. */
  Object variable(String processInstanceId, String name);

  void setVariable(String processInstanceId, String name, Object value);

  /**
   * An incident on the process instance at this step (on the instance itself when it is not there),
   * shown in Cockpit with the message.
   */
  void raiseIncident(
      String processInstanceId,
      String activityId,
      String incidentType,
      String configuration,
      String message);

  /**
   * Starts a process with a business key and variables (in their order).
   *
   * @return the process instance id
   */
  String start(String processKey, String businessKey, Map<String, Object> variables);
}
