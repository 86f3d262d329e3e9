package ai.lepton.actions.process;

import ai.lepton.actions.RetentionActionRoute;
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
@Component("sendRetentionAction")
public class SendRetentionActionDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProducerTemplate producer;

  public SendRetentionActionDelegate(ProducerTemplate producer) {
    this.producer = producer;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    Object action = execution.getVariable("retentionAction");
    if (action == null) {
      throw new IllegalStateException(
          "No retentionAction to send for process instance " + execution.getProcessInstanceId());
    }
    String actionId = "ra-" + execution.getProcessInstanceId();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("actionId", actionId);
    document.put("action", action);
    document.put("customerId", execution.getVariable("customerId"));
    document.put("decidedBy", execution.getVariable("actionDecidedBy"));
    document.put(
        "reason",
        execution.hasVariable("overrideReason") && execution.getVariable("overrideReason") != null
            ? execution.getVariable("overrideReason")
            : execution.getVariable("decisionReason"));
    document.put("prediction", execution.getVariable("prediction"));
    document.put("probability", execution.getVariable("probability"));
    document.put("decisionId", execution.getVariable("decisionId"));
    document.put("modelVersionId", execution.getVariable("modelVersionId"));
    document.put("processInstanceId", execution.getProcessInstanceId());
    document.put("createdAt", Instant.now().toString());
    producer.sendBodyAndHeader(
        RetentionActionRoute.URI,
        JSON.writeValueAsString(document),
        RetentionActionRoute.ACTION_ID,
        actionId);
    execution.setVariable("retentionActionId", actionId);
  }
}
