package ai.lepton.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import ai.lepton.process.ProcessMessage;
import ai.lepton.ml.dataset.BadRow;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Datasets in: a client's file for an engagement. Datasets out: their metadata, profile and bytes. */
@ConditionalOnProperty(prefix = "lepton.ingest", name = "enabled", matchIfMissing = true)
@RestController
public class DatasetController {

  private final DatasetIntake intake;
  private final DatasetStore datasets;

  public DatasetController(DatasetIntake intake, DatasetStore datasets) {
    this.intake = intake;
    this.datasets = datasets;
  }

  @PostMapping(path = "/api/engagements/{engagementKey}/datasets",
      consumes = {"text/csv", "text/plain", "application/x-arff", "text/x-arff", "application/octet-stream"})
  public ResponseEntity<Map<String, Object>> upload(@PathVariable String engagementKey,
      @RequestParam(required = false) String name,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, HttpServletRequest request) throws IOException {
    return created(intake.receive(engagementKey, name, body(request), declaredFormat(contentType, name)));
  }

  @PostMapping(path = "/api/engagements/{engagementKey}/datasets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, Object>> uploadFile(@PathVariable String engagementKey,
      @RequestParam(required = false) String name, @RequestParam("file") MultipartFile file) throws IOException {
    String datasetName = name != null ? name : file.getOriginalFilename();
    return created(intake.receive(engagementKey, datasetName, file.getBytes(),
        declaredFormat(file.getContentType(), datasetName)));
  }

  /**
   * Production data for monitoring a deployed model: the same pipeline, correlating MonitoringDataReceived. 201 when
   * the engagement checks it at once; 202 when a check or a review is under way and it waits for the next check.
   */
  @PostMapping(path = "/api/engagements/{engagementKey}/monitoring-data",
      consumes = {"text/csv", "text/plain", "application/x-arff", "text/x-arff", "application/octet-stream"})
  public ResponseEntity<Map<String, Object>> uploadMonitoringData(@PathVariable String engagementKey,
      @RequestParam(required = false) String name, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
      HttpServletRequest request) throws IOException {
    Map<String, Object> answer = intake.receive(engagementKey, name, body(request), declaredFormat(contentType, name),
        ProcessMessage.MONITORING_DATA_RECEIVED.messageName());
    if (Boolean.TRUE.equals(answer.get("duplicate")) || Boolean.TRUE.equals(answer.get("correlated"))) {
      return created(answer);
    }
    Map<String, Object> queued = new LinkedHashMap<>(answer);
    queued.put("note", "Stored for engagement " + engagementKey + "; a check is under way, so the next one reads it");
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(queued);
  }

  /** The body read once into an array of its declared length: a dataset is never held twice in memory. */
  private static byte[] body(HttpServletRequest request) throws IOException {
    long length = request.getContentLengthLong();
    try (InputStream in = request.getInputStream()) {
      return length >= 0 && length <= Integer.MAX_VALUE ? in.readNBytes((int) length) : in.readAllBytes();
    }
  }

  @GetMapping("/api/datasets/{id}")
  public Map<String, Object> dataset(@PathVariable String id) {
    StoredDataset dataset = datasets.get(id);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("datasetId", dataset.id());
    view.put("engagement", dataset.engagementKey());
    view.put("name", dataset.name());
    view.put("format", dataset.format().wireName());
    view.put("sha256", dataset.sha256());
    view.put("sizeBytes", dataset.sizeBytes());
    view.put("rows", dataset.rows());
    view.put("attributes", dataset.attributes());
    view.put("schema", dataset.schema());
    view.put("derivedFrom", dataset.derivedFrom());
    view.put("preparation", dataset.preparation());
    view.put("profile", datasets.latestProfile(id).orElse(null));
    view.put("createdBy", dataset.createdBy());
    view.put("createdAt", dataset.createdAt().toString());
    return view;
  }

  @GetMapping("/api/datasets/{id}/file")
  public ResponseEntity<byte[]> file(@PathVariable String id) {
    StoredDataset dataset = datasets.get(id);
    return ResponseEntity.ok()
        .contentType(dataset.format() == DatasetFormat.CSV ? MediaType.parseMediaType("text/csv")
            : MediaType.TEXT_PLAIN)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(DatasetIntake.cleanName(dataset.name()), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Sha256", dataset.sha256())
        .body(datasets.content(id));
  }

  @GetMapping("/api/datasets/{id}/quarantine")
  public Map<String, Object> quarantine(@PathVariable String id) {
    List<BadRow> rows = datasets.quarantine(id);
    return Map.of("datasetId", id, "count", rows.size(), "rows", rows);
  }

  /** 201 for a new dataset; 200 when the same bytes were already stored for this engagement. */
  private static ResponseEntity<Map<String, Object>> created(Map<String, Object> answer) {
    boolean duplicate = Boolean.TRUE.equals(answer.get("duplicate"));
    return ResponseEntity.status(duplicate ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
  }

  /** text/csv means CSV and an ARFF type means ARFF; otherwise a file name's extension, else the content decides. */
  private static DatasetFormat declaredFormat(String contentType, String name) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("text/csv")) {
      return DatasetFormat.CSV;
    }
    if (type.contains("arff")) {
      return DatasetFormat.ARFF;
    }
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".arff")) {
      return DatasetFormat.ARFF;
    }
    if (lower.endsWith(".csv")) {
      return DatasetFormat.CSV;
    }
    return null;
  }
}
