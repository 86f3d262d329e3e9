package ai.lepton.ingest.process;

import ai.lepton.ingest.DatasetIngestRoute;
import ai.lepton.ingest.EngagementNotWaitingException;
import ai.lepton.ingest.IngestHeaders;
import ai.lepton.ingest.IngestProperties;
import ai.lepton.ingest.IngestRefusedException;
import ai.lepton.ingest.IngestResult;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.process.BpmnErrorCode;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessMessage;
import ai.lepton.process.ProcessVariables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A host's process sends a dataset it holds (a file, text or bytes variable) into a Lepton
 * engagement through the ingest pipeline, as training data ({@code DatasetReceived}) or as
 * monitoring data of the live model ({@code MonitoringDataReceived}): e.g. a loan process's monthly
 * outcomes for the credit model that decides its loans. Only processes an administrator lists in
 * {@code lepton.ingest.process-senders} may send (none by default); any other is refused with an
 * incident and an audit entry. Inputs: {@code engagementId}, {@code datasetVariable} (the name of
 * the variable holding the data), {@code datasetPurpose} ({@code training} or {@code monitoring}),
 * {@code datasetName} (optional). Sets {@code datasetId} and {@code datasetCorrelated}; a refused
 * dataset is the BPMN error {@code DATASET_REFUSED}, one the engagement is not waiting for {@code
 * ENGAGEMENT_NOT_WAITING} (it stays stored), each with {@code errorMessage}.
 */
@Component(ProcessBeans.SEND_DATASET)
@EnableConfigurationProperties(IngestProperties.class)
public class SendDatasetDelegate implements JavaDelegate {

  private final ProducerTemplate producer;
  private final IngestProperties properties;
  private final AuditTrail audit;

  public SendDatasetDelegate(
      ProducerTemplate producer, IngestProperties properties, AuditTrail audit) {
    this.producer = producer;
    this.properties = properties;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String process =
        execution
            .getProcessEngineServices()
            .getRepositoryService()
            .getProcessDefinition(execution.getProcessDefinitionId())
            .getKey(); // the engine's record, not a variable
    String engagement = required(execution, ProcessVariables.ENGAGEMENT_ID);
    if (!properties.processSenders().contains(process)) {
      String why =
          "Process '"
              + process
              + "' may not send data into Lepton engagements: an administrator lists the"
              + " processes that may in lepton.ingest.process-senders";
      audit.refusal(
          user(execution) == null ? "process:" + process : user(execution),
          "engagement",
          engagement,
          "send data from process " + process,
          why,
          Map.of("processInstanceId", execution.getProcessInstanceId()));
      throw new IllegalStateException(why);
    }
    String purpose =
        String.valueOf(execution.getVariable(ProcessVariables.DATASET_PURPOSE))
            .strip()
            .toLowerCase(Locale.ROOT);
    ProcessMessage message =
        switch (purpose) {
          case "training" -> ProcessMessage.DATASET_RECEIVED;
          case "monitoring" -> ProcessMessage.MONITORING_DATA_RECEIVED;
          default ->
              throw new IllegalArgumentException(
                  "datasetPurpose is 'training' or 'monitoring', not '" + purpose + "'");
        };
    String variable = required(execution, ProcessVariables.DATASET_VARIABLE);
    TypedValue data = execution.getVariableTyped(variable);
    if (data == null || data.getValue() == null) {
      throw new IllegalArgumentException(
          "The process has no data in its variable '" + variable + "' to send");
    }
    String name =
        execution.getVariable(ProcessVariables.DATASET_NAME) == null
            ? null
            : execution.getVariable(ProcessVariables.DATASET_NAME).toString();
    if (data instanceof FileValue file && (name == null || name.isBlank())) {
      name = file.getFilename();
    }
    Map<String, Object> headers = new HashMap<>();
    headers.put(IngestHeaders.ENGAGEMENT, engagement);
    headers.put(IngestHeaders.SOURCE, "process:" + process);
    headers.put(IngestHeaders.MESSAGE, message.messageName());
    headers.put(
        IngestHeaders.DATASET_NAME,
        name == null || name.isBlank() ? process + "-" + purpose : name.strip());
    if (user(execution) != null) {
      headers.put(IngestHeaders.USER, user(execution));
    }
    if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".arff")) {
      headers.put(IngestHeaders.FORMAT, "arff");
    }
    try {
      IngestResult result =
          producer.requestBodyAndHeaders(
              DatasetIngestRoute.URI,
              bytes(data.getValue(), variable),
              headers,
              IngestResult.class);
      execution.setVariable(ProcessVariables.DATASET_ID, result.dataset().id());
      execution.setVariable(ProcessVariables.DATASET_CORRELATED, result.correlated());
    } catch (CamelExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof EngagementNotWaitingException notWaiting) {
        execution.setVariable(ProcessVariables.DATASET_ID, notWaiting.dataset().id());
        execution.setVariable(ProcessVariables.DATASET_CORRELATED, false);
        throw new BpmnError(BpmnErrorCode.ENGAGEMENT_NOT_WAITING.name(), notWaiting.getMessage());
      }
      if (cause instanceof IngestRefusedException refused) {
        execution.setVariable(ProcessVariables.DATASET_ID, null);
        execution.setVariable(ProcessVariables.DATASET_CORRELATED, false);
        throw new BpmnError(BpmnErrorCode.DATASET_REFUSED.name(), refused.getMessage());
      }
      throw e;
    }
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(
          "Sending a dataset to Lepton needs '" + name + "' (an input of the task)");
    }
    return value.toString().strip();
  }

  private static byte[] bytes(Object value, String variable) {
    if (value instanceof byte[] raw) {
      return raw;
    }
    if (value instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    if (value instanceof InputStream in) {
      try (in) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalArgumentException(
        "The variable '"
            + variable
            + "' holds "
            + value.getClass().getSimpleName()
            + ": send a file, text (CSV or ARFF) or bytes");
  }

  /** Who the engine runs the task for, if anyone (none in a job). */
  private static String user(DelegateExecution execution) {
    Authentication current =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}
