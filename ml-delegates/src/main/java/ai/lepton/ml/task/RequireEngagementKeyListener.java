package ai.lepton.ml.task;

import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * An engagement is addressed by its id (the business key) everywhere: data uploads, the model
 * registry, audits. So an engagement must have one, and no other engagement, running or ended, may
 * have it. Tasklist's start dialog for a Camunda Form has no business key field, so the start
 * form's {@code engagementId} becomes the key.
 */
@Component(ProcessBeans.REQUIRE_ENGAGEMENT_KEY)
public class RequireEngagementKeyListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    Object fromForm = execution.getVariable(ProcessVariables.ENGAGEMENT_ID);
    if ((key == null || key.isBlank()) && fromForm != null && !fromForm.toString().isBlank()) {
      key = fromForm.toString().strip();
      execution.setProcessBusinessKey(key);
    }
    if (key == null || key.isBlank()) {
      throw new FormFieldValidationException(
          "businessKey",
          "An engagement needs an id: give a business key such as ENG-2026-0001 when you start it");
    }
    CommandContext context = Context.getCommandContext();
    context
        .disableAuthorizationCheck(); // the clash must be found even among engagements the starter
    // cannot see
    try {
      boolean taken =
          execution
              .getProcessEngineServices()
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(execution.getProcessDefinitionId().split(":")[0])
              .processInstanceBusinessKey(key)
              .list()
              .stream()
              .anyMatch(other -> !Objects.equals(other.getId(), execution.getProcessInstanceId()));
      if (taken) {
        throw new FormFieldValidationException(
            "businessKey", "An engagement with id '" + key + "' already exists: choose another id");
      }
      execution.setVariable(ProcessVariables.ENGAGEMENT_ID, key);
    } finally {
      context.enableAuthorizationCheck();
    }
  }
}
