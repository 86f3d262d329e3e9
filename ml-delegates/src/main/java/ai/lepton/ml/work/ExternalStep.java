package ai.lepton.ml.work;

import ai.lepton.process.ExternalTopic;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;

/**
 * A long step of Lepton's processes other than training, done as an external task by a node's
 * embedded worker ({@link EmbeddedWorker}): fetched and locked with a short lock that the worker
 * extends while the step works, so a dead node's step is taken over by another node within about
 * one lock period and a live node's never is.
 */
public interface ExternalStep {

  ExternalTopic topic();

  /** The process variables the step reads (fetched with the task). */
  List<String> variables();

  /**
   * Does the step for the locked task and answers the variables to complete it with. A {@link
   * ProcessError} is the process's to catch (a BPMN error); any other exception is a failure,
   * retried and then an incident.
   */
  Map<String, Object> work(LockedExternalTask task);

  /**
   * A variable the task was fetched with, failing the step with its name when it is missing or
   * blank.
   */
  static String required(LockedExternalTask task, String name) {
    Object value = task.getVariables().get(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException(
          "Process variable '"
              + name
              + "' is missing: it is set by an earlier step of"
              + " the engagement");
    }
    return value.toString().strip();
  }

  /** An outcome the process models as a BPMN error, with variables set on the way. */
  class ProcessError extends RuntimeException {
    private final String code;
    private final Map<String, Object> variables;

    public ProcessError(String code, String message, Map<String, Object> variables) {
      super(message);
      this.code = code;
      this.variables = Map.copyOf(variables);
    }

    public String code() {
      return code;
    }

    public Map<String, Object> variables() {
      return variables;
    }
  }
}
