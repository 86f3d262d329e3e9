package ai.lepton.actions.process;

import ai.lepton.actions.RetentionActionRoute;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the retention action this process settled on ({@code retentionAction}, decided by the model
 * and rules or by an account manager, {@code actionDecidedBy}) through {@link
 * RetentionActionRoute}. The document names the customer, the action, who decided it, and the
 * decision log entry and model version behind it.
 */
@Component(ProcessBeans.SEND_RETENTION_ACTION)
public class SendRetentionActionDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProducerTemplate producer;

  public SendRetentionActionDelegate(ProducerTemplate producer) {
    this.producer = producer;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    Object action = execution.getVariable(ProcessVariables.RETENTION_ACTION);
    if (action == null) {
      throw new IllegalStateException(
          "No retentionAction to send for process instance " + execution.getProcessInstanceId());
    }
    String actionId = "ra-" + execution.getProcessInstanceId();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("actionId", actionId);
    document.put("action", action);
    document.put("customerId", execution.getVariable(ProcessVariables.CUSTOMER_ID));
    document.put("decidedBy", execution.getVariable(ProcessVariables.ACTION_DECIDED_BY));
    document.put(
        "reason",
        execution.hasVariable(ProcessVariables.OVERRIDE_REASON)
                && execution.getVariable(ProcessVariables.OVERRIDE_REASON) != null
            ? execution.getVariable(ProcessVariables.OVERRIDE_REASON)
            : execution.getVariable(ProcessVariables.DECISION_REASON));
    document.put("prediction", execution.getVariable(ProcessVariables.PREDICTION));
    document.put("probability", execution.getVariable(ProcessVariables.PROBABILITY));
    document.put("decisionId", execution.getVariable(ProcessVariables.DECISION_ID));
    document.put("modelVersionId", execution.getVariable(ProcessVariables.MODEL_VERSION_ID));
    document.put("processInstanceId", execution.getProcessInstanceId());
    document.put("createdAt", Instant.now().toString());
    producer.sendBodyAndHeader(
        RetentionActionRoute.URI,
        JSON.writeValueAsString(document),
        RetentionActionRoute.ACTION_ID,
        actionId);
    execution.setVariable(ProcessVariables.RETENTION_ACTION_ID, actionId);
  }
}
