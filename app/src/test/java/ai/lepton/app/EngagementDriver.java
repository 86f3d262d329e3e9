package ai.lepton.app;

import ai.lepton.access.LeptonGroups;
import ai.lepton.process.ProcessKey;
import ai.lepton.process.ProcessVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives an {@code ai-engagement} as its people would, logged in as each: a project manager opens
 * it, a data scientist sets its requirements or reviews a training, a model risk officer approves.
 * The one fixture the process tests share, so an engagement is opened and approved the same way in
 * each of them.
 */
final class EngagementDriver {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  EngagementDriver(RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** A project manager opens an engagement for a client. */
  ProcessInstance open(String businessKey, String client, String name) {
    identity.setAuthentication("pm", List.of(LeptonGroups.PROJECT_MANAGERS));
    try {
      return runtime.startProcessInstanceByKey(
          ProcessKey.AI_ENGAGEMENT.key(),
          businessKey,
          Map.of(ProcessVariables.CLIENT, client, ProcessVariables.ENGAGEMENT_NAME, name));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A data scientist completes the engagement's open task (requirements, a training review). */
  void dataScientistCompletes(ProcessInstance engagement, Map<String, Object> form) {
    complete("ds", LeptonGroups.DATA_SCIENTISTS, openTask(engagement.getId()), form);
  }

  /** A data scientist sets the requirements of an engagement known by its key. */
  void dataScientistCompletes(String businessKey, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    complete("ds", LeptonGroups.DATA_SCIENTISTS, task, form);
  }

  /** A model risk officer approves the champion, with a reason and what else the form says. */
  void riskOfficerApproves(ProcessInstance engagement, Map<String, Object> form) {
    Map<String, Object> approval = new HashMap<>(form);
    approval.put(ProcessVariables.APPROVED, true);
    approval.putIfAbsent(ProcessVariables.APPROVAL_REASON, "meets policy");
    complete("mro", LeptonGroups.MODEL_RISK_OFFICERS, openTask(engagement.getId()), approval);
  }

  /** The requirements of a classification, as the form takes them (a map the test may add to). */
  static Map<String, Object> classification(
      String target, String modelName, String metric, double threshold, String algorithms) {
    Map<String, Object> form = new HashMap<>();
    form.put(ProcessVariables.TARGET_ATTRIBUTE, target);
    form.put(ProcessVariables.PROBLEM_TYPE, "classification");
    form.put(ProcessVariables.MODEL_NAME, modelName);
    form.put(ProcessVariables.SUCCESS_METRIC, metric);
    form.put(ProcessVariables.SUCCESS_THRESHOLD, threshold);
    form.put(ProcessVariables.ALGORITHMS, algorithms);
    return form;
  }

  private Task openTask(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private void complete(String user, String group, Task task, Map<String, Object> form) {
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.complete(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }
}
