package ai.lepton.api;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ingest.DatasetIngestRoute;
import ai.lepton.ingest.EngagementNotWaitingException;
import ai.lepton.ingest.FindEngagement;
import ai.lepton.ingest.IngestHeaders;
import ai.lepton.ingest.IngestRefusedException;
import ai.lepton.ingest.IngestResult;
import ai.lepton.ml.Json;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.process.ProcessMessage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The HTTP source of Lepton's ingest pipeline: checks who may send data, hands the bytes to {@link
 * DatasetIngestRoute} and turns its outcome into an answer. Once stored, a dataset is never lost:
 * an engagement that is not waiting for data gets a 409 that names the stored dataset.
 */
@ConditionalOnProperty(prefix = "lepton.ingest", name = "enabled", matchIfMissing = true)
@Service
public class DatasetIntake {

  public static final String PROCESS_KEY = FindEngagement.PROCESS_KEY;

  private final ProducerTemplate producer;
  private final IdentityService identity;

  private final AuditTrail audit;

  public DatasetIntake(ProducerTemplate producer, IdentityService identity, AuditTrail audit) {
    this.producer = producer;
    this.identity = identity;
    this.audit = audit;
  }

  /**
   * Sends the data through the pipeline; the answer's {@code duplicate} says the same bytes came
   * before.
   */
  public DatasetReceipt receive(
      String engagementKey, String name, byte[] bytes, DatasetFormat declared) {
    return receive(
        engagementKey, name, bytes, declared, ProcessMessage.DATASET_RECEIVED.messageName());
  }

  /**
   * As {@link #receive(String, String, byte[], DatasetFormat)}, correlating the given BPMN message.
   */
  public DatasetReceipt receive(
      String engagementKey, String name, byte[] bytes, DatasetFormat declared, String message) {
    String user = requireDataSender(engagementKey);
    Map<String, Object> headers = new HashMap<>();
    headers.put(IngestHeaders.MESSAGE, message);
    headers.put(IngestHeaders.ENGAGEMENT, engagementKey);
    headers.put(IngestHeaders.SOURCE, "http");
    headers.put(IngestHeaders.USER, user);
    headers.put(
        IngestHeaders.DATASET_NAME,
        name == null || cleanName(name).isBlank() ? "dataset-" + engagementKey : cleanName(name));
    if (declared != null) {
      headers.put(IngestHeaders.FORMAT, declared.wireName());
    }
    try {
      IngestResult result =
          producer.requestBodyAndHeaders(
              DatasetIngestRoute.URI,
              bytes == null ? new byte[0] : bytes,
              headers,
              IngestResult.class);
      return answer(result);
    } catch (CamelExecutionException e) {
      throw refusal(e.getCause() == null ? e : e.getCause());
    }
  }

  /**
   * A dataset name as it may be stored and sent back in a header: control characters (CR, LF, NUL,
   * ...) and path separators become {@code _}, at most 200 characters.
   */
  public static String cleanName(String name) {
    String cleaned = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}/\\\\]", "_").strip();
    return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
  }

  private static RuntimeException refusal(Throwable cause) {
    if (cause instanceof IngestRefusedException refused) {
      return switch (refused.kind()) {
        case UNKNOWN_ENGAGEMENT ->
            new ApiException(HttpStatus.NOT_FOUND, "Unknown engagement", refused.getMessage());
        case UNREADABLE ->
            new ApiException(HttpStatus.BAD_REQUEST, "Unreadable dataset", refused.getMessage());
        case TARGET_MISSING ->
            new ApiException(
                HttpStatus.BAD_REQUEST, "Target attribute missing", refused.getMessage());
        case TOO_LARGE ->
            new ApiException(
                HttpStatus.PAYLOAD_TOO_LARGE, "Dataset too large", refused.getMessage());
        case NOT_CONFIGURED ->
            new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE, "Server not configured", refused.getMessage());
      };
    }
    if (cause instanceof EngagementNotWaitingException notWaiting) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "Engagement not waiting for data");
      body.put("detail", notWaiting.getMessage());
      body.putAll(
          Json.readMap(Json.write(answer(notWaiting.result())))); // the receipt beside the error
      return new ApiException(
          HttpStatus.CONFLICT, "Engagement not waiting for data", notWaiting.getMessage(), body);
    }
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }

  private String requireDataSender(String engagementKey) {
    Authentication authentication = identity.getCurrentAuthentication();
    List<String> groups = CurrentUser.groups(identity);
    if (groups.stream().noneMatch(LeptonGroups.DATA_SENDERS::contains)) {
      audit.refusal(
          authentication == null ? null : authentication.getUserId(),
          "engagement",
          engagementKey,
          "send data",
          "only project managers and data scientists may send data",
          Map.of("groups", groups));
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Only project managers and data scientists may send data into an engagement");
    }
    return authentication.getUserId();
  }

  private static DatasetReceipt answer(IngestResult result) {
    StoredDataset stored = result.dataset();
    return new DatasetReceipt(
        stored.id(),
        stored.sha256(),
        stored.rows(),
        stored.attributes(),
        stored.format().wireName(),
        result.quarantinedRows(),
        result.duplicate(),
        result.correlated(),
        null);
  }
}
