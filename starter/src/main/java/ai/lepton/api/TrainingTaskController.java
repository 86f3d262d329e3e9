package ai.lepton.api;

import ai.lepton.ml.Json;
import ai.lepton.ml.training.TrainingOrder;
import ai.lepton.ml.training.TrainingResult;
import ai.lepton.ml.work.TrainingTasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a standalone training worker asks of Lepton about a <em>Train candidate</em> task it has
 * fetched and locked through Camunda's REST API: what to train, the prepared dataset, and handing
 * the trained candidate back (registered and completed in one transaction). Only the {@code
 * lepton-workers} group may call these ({@code ReadRule}), and only for a task locked by the worker
 * id it gives.
 */
@RestController
public class TrainingTaskController {

  /** The candidate registered for the task. */
  @Schema(description = "The candidate registered, and the task completed")
  public record CandidateRegistered(String modelVersionId, String externalTaskId) {}

  private final TrainingTasks tasks;
  private final org.camunda.bpm.engine.IdentityService identity;

  public TrainingTaskController(
      TrainingTasks tasks, org.camunda.bpm.engine.IdentityService identity) {
    this.identity = identity;
    this.tasks = tasks;
  }

  @GetMapping("/api/training-tasks/{externalTaskId}")
  @Operation(
      summary = "What a locked training task asks to train (training workers)",
      description =
          "From the engagement's recorded requirements and its prepared dataset. 409 when the task is not"
              + " (or no longer) locked by this worker.")
  public TrainingOrder order(@PathVariable String externalTaskId, @RequestParam String workerId) {
    return locked(() -> tasks.order(externalTaskId, workerId));
  }

  @GetMapping("/api/training-tasks/{externalTaskId}/dataset")
  @Operation(
      summary = "The prepared dataset of a locked training task, as stored (training workers)")
  public ResponseEntity<byte[]> dataset(
      @PathVariable String externalTaskId, @RequestParam String workerId) {
    TrainingOrder order = locked(() -> tasks.order(externalTaskId, workerId));
    byte[] content = tasks.datasetContent(order);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header("X-Dataset-Format", order.datasetFormat())
        .header("X-Content-Sha256", order.datasetSha256())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content);
  }

  @PostMapping(
      path = "/api/training-tasks/{externalTaskId}/candidate",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Hand a trained candidate back (training workers)",
      description =
          "Parts: metrics (JSON), trainingMillis, model (the serialized Weka model). The candidate is"
              + " registered and the task completed in one transaction while the task is locked by this worker; 409"
              + " when it is not (taken over after its lock expired, or done): nothing is registered.")
  public ResponseEntity<CandidateRegistered> candidate(
      @PathVariable String externalTaskId,
      @RequestParam String workerId,
      @RequestPart("metrics") String metrics,
      @RequestPart("trainingMillis") String trainingMillis,
      @RequestPart("model") MultipartFile model)
      throws IOException {
    Map<String, Object> figures;
    long millis;
    try {
      figures = Json.readMap(metrics);
      millis = Long.parseLong(trainingMillis.strip());
    } catch (RuntimeException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Unreadable result",
          "metrics must be a JSON object and trainingMillis a whole number of milliseconds");
    }
    if (figures == null || model.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Unreadable result", "A candidate needs its metrics and model");
    }
    TrainingResult result = new TrainingResult(figures, model.getBytes(), millis);
    String id;
    try {
      String account = identity.getCurrentAuthentication().getUserId(); // the path needs a login
      id = locked(() -> tasks.completeHandedBack(externalTaskId, workerId, account, result));
    } catch (TrainingTasks.UnusableResultException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Unusable result", e.getMessage());
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new CandidateRegistered(id, externalTaskId));
  }

  private static <T> T locked(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (TrainingTasks.TaskNotLockedException e) {
      throw new ApiException(HttpStatus.CONFLICT, "Task not locked by this worker", e.getMessage());
    }
  }
}
