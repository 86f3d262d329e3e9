package ai.lepton.app.api;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetProfiler;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.app.security.LeptonGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import weka.core.Attribute;

/**
 * Receives a client's dataset for an engagement: reads it, checks it against the engagement's requirements, stores
 * it, and correlates {@code DatasetReceived}. Once stored, a dataset is never lost: an engagement that is not waiting
 * for data gets a 409 that names the stored dataset.
 */
@Service
public class DatasetIntake {

  public static final String PROCESS_KEY = "ai-engagement";
  public static final String MESSAGE = "DatasetReceived";

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final DatasetStore datasets;

  public DatasetIntake(RuntimeService runtime, HistoryService history, IdentityService identity,
      DatasetStore datasets) {
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.datasets = datasets;
  }

  public Map<String, Object> receive(String engagementKey, String name, byte[] bytes, DatasetFormat declared) {
    String user = requireDataSender();
    ProcessInstance engagement = runningEngagement(engagementKey);
    String datasetName = name == null || name.isBlank() ? "dataset-" + engagementKey : name.strip();
    DatasetReader.Parsed parsed = DatasetReader.read(bytes == null ? new byte[0] : bytes, declared, datasetName);
    if (engagement != null) {
      checkAgainstRequirements(engagement, parsed);
    }
    StoredDataset stored = datasets.storeUpload(engagementKey, datasetName, bytes, parsed, user);
    // Profiled on arrival too, so a dataset that feeds no step yet (409 below) is still described.
    String target = engagement == null ? null : (String) runtime.getVariable(engagement.getId(), "targetAttribute");
    datasets.addProfile(stored.id(), target, DatasetProfiler.profile(parsed.instances(), target));
    Map<String, Object> answer = answer(stored);
    if (engagement == null) {
      throw conflict(answer, String.format("Engagement %s has ended; the dataset is stored as %s but feeds nothing",
          engagementKey, stored.id()));
    }
    if (!waitingForData(engagement)) {
      throw conflict(answer, String.format("Engagement %s is not waiting for data (it is at: %s); the dataset is "
          + "stored as %s", engagementKey, currentSteps(engagement), stored.id()));
    }
    try {
      runtime.createMessageCorrelation(MESSAGE)
          .processInstanceId(engagement.getId())
          .setVariable("datasetId", stored.id())
          .setVariable("datasetSha256", stored.sha256())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw conflict(answer, String.format("Engagement %s stopped waiting for data; the dataset is stored as %s",
          engagementKey, stored.id()));
    }
    return answer;
  }

  private String requireDataSender() {
    Authentication authentication = identity.getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null
        ? List.of() : authentication.getGroupIds();
    if (groups.stream().noneMatch(LeptonGroups.DATA_SENDERS::contains)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden",
          "Only project managers and data scientists may send data into an engagement");
    }
    return authentication.getUserId();
  }

  /** The running engagement, null if it has ended; 404 if no engagement ever had this key. */
  private ProcessInstance runningEngagement(String engagementKey) {
    ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(engagementKey).singleResult();
    if (running != null) {
      return running;
    }
    long ended = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(engagementKey).count();
    if (ended == 0) {
      throw new ApiException(HttpStatus.NOT_FOUND, "Unknown engagement",
          "No engagement has the id '" + engagementKey + "' (or you may not see it): open it in Tasklist first");
    }
    return null;
  }

  private void checkAgainstRequirements(ProcessInstance engagement, DatasetReader.Parsed parsed) {
    Object target = runtime.getVariable(engagement.getId(), "targetAttribute");
    if (target == null) {
      return; // requirements not set yet: the dataset is stored and the 409 says why
    }
    Attribute attribute = parsed.instances().attribute(target.toString());
    if (attribute == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Target attribute missing", String.format(
          "The dataset has no column '%s', the target this engagement predicts; its columns are: %s", target,
          columns(parsed)));
    }
    Object problemType = runtime.getVariable(engagement.getId(), "problemType");
    if ("regression".equals(problemType) && !attribute.isNumeric()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Target attribute not numeric", String.format(
          "The engagement is a regression but column '%s' is not numeric in this dataset", target));
    }
  }

  private static String columns(DatasetReader.Parsed parsed) {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < parsed.instances().numAttributes(); i++) {
      names.append(i == 0 ? "" : ", ").append(parsed.instances().attribute(i).name());
    }
    return names.toString();
  }

  private boolean waitingForData(ProcessInstance engagement) {
    return runtime.createEventSubscriptionQuery().processInstanceId(engagement.getId()).eventType("message")
        .eventName(MESSAGE).count() > 0;
  }

  private String currentSteps(ProcessInstance engagement) {
    List<String> activities = runtime.getActiveActivityIds(engagement.getId());
    return activities.isEmpty() ? "a background step" : String.join(", ", activities);
  }

  private static Map<String, Object> answer(StoredDataset stored) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("datasetId", stored.id());
    answer.put("sha256", stored.sha256());
    answer.put("rows", stored.rows());
    answer.put("attributes", stored.attributes());
    answer.put("format", stored.format().wireName());
    return answer;
  }

  private static ApiException conflict(Map<String, Object> stored, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "Engagement not waiting for data");
    body.put("detail", detail);
    body.putAll(stored);
    return new ApiException(HttpStatus.CONFLICT, "Engagement not waiting for data", detail, body);
  }
}
