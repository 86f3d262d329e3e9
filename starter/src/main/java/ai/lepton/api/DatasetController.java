package ai.lepton.api;

import ai.lepton.ml.dataset.BadRow;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.process.ProcessMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

/**
 * Datasets in: a client's file for an engagement. Datasets out: their metadata, profile and bytes.
 */
@ConditionalOnProperty(prefix = "lepton.ingest", name = "enabled", matchIfMissing = true)
@RestController
public class DatasetController {

  private final DatasetIntake intake;
  private final DatasetStore datasets;

  public DatasetController(DatasetIntake intake, DatasetStore datasets) {
    this.intake = intake;
    this.datasets = datasets;
  }

  @PostMapping(
      path = "/api/engagements/{engagementKey}/datasets",
      consumes = {
        "text/csv",
        "text/plain",
        "application/x-arff",
        "text/x-arff",
        "application/octet-stream"
      })
  @Operation(
      summary = "Send a dataset into an engagement (project managers, data scientists)",
      description =
          "Through the ingest pipeline: 201 stored (correlated when the engagement waited for it), 200 the"
              + " same bytes were stored before, 400 unreadable or the target column missing, 404 unknown engagement, 409"
              + " the engagement does not wait for data (stored all the same), 413 too large. The body is read as it"
              + " streams, never held twice.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "CSV with a header row" + " (, ; or tab) or ARFF, UTF-8",
              content =
                  @Content(
                      mediaType = "text/csv",
                      examples =
                          @ExampleObject(
                              name = "customers with their outcome",
                              value =
                                  "churn,tenure,contract,monthly_charges\n"
                                      + "No,34,One year,56.95\nYes,2,Month-to-month,53.85\n"))))
  public ResponseEntity<DatasetReceipt> upload(
      @PathVariable String engagementKey,
      @RequestParam(required = false) String name,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
      HttpServletRequest request)
      throws IOException {
    return created(
        intake.receive(engagementKey, name, body(request), declaredFormat(contentType, name)));
  }

  @PostMapping(
      path = "/api/engagements/{engagementKey}/datasets",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<DatasetReceipt> uploadFile(
      @PathVariable String engagementKey,
      @RequestParam(required = false) String name,
      @RequestParam("file") MultipartFile file)
      throws IOException {
    String datasetName = name != null ? name : file.getOriginalFilename();
    return created(
        intake.receive(
            engagementKey,
            datasetName,
            file.getBytes(),
            declaredFormat(file.getContentType(), datasetName)));
  }

  /**
   * Production data for monitoring a deployed model: the same pipeline, correlating
   * MonitoringDataReceived. 201 when the engagement checks it at once; 202 when a check or a review
   * is under way and it waits for the next check.
   */
  @PostMapping(
      path = "/api/engagements/{engagementKey}/monitoring-data",
      consumes = {
        "text/csv",
        "text/plain",
        "application/x-arff",
        "text/x-arff",
        "application/octet-stream"
      })
  public ResponseEntity<DatasetReceipt> uploadMonitoringData(
      @PathVariable String engagementKey,
      @RequestParam(required = false) String name,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
      HttpServletRequest request)
      throws IOException {
    DatasetReceipt answer =
        intake.receive(
            engagementKey,
            name,
            body(request),
            declaredFormat(contentType, name),
            ProcessMessage.MONITORING_DATA_RECEIVED.messageName());
    if (answer.duplicate() || answer.correlated()) {
      return created(answer);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            answer.noted(
                "Stored for engagement "
                    + engagementKey
                    + "; a check is under way, so the next one reads it"));
  }

  /**
   * The body read once into an array of its declared length: a dataset is never held twice in
   * memory.
   */
  private static byte[] body(HttpServletRequest request) throws IOException {
    long length = request.getContentLengthLong();
    try (InputStream in = request.getInputStream()) {
      return length >= 0 && length <= Integer.MAX_VALUE
          ? in.readNBytes((int) length)
          : in.readAllBytes();
    }
  }

  @GetMapping("/api/datasets/{id}")
  public DatasetView dataset(@PathVariable String id) {
    return DatasetView.of(datasets.get(id), datasets.latestProfile(id).orElse(null));
  }

  @GetMapping("/api/datasets/{id}/file")
  public ResponseEntity<byte[]> file(@PathVariable String id) {
    StoredDataset dataset = datasets.get(id);
    return ResponseEntity.ok()
        .contentType(
            dataset.format() == DatasetFormat.CSV
                ? MediaType.parseMediaType("text/csv")
                : MediaType.TEXT_PLAIN)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(DatasetIntake.cleanName(dataset.name()), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Sha256", dataset.sha256())
        .body(datasets.content(id));
  }

  @GetMapping("/api/datasets/{id}/quarantine")
  public QuarantineView quarantine(@PathVariable String id) {
    List<BadRow> rows = datasets.quarantine(id);
    return new QuarantineView(id, rows.size(), rows);
  }

  /** 201 for a new dataset; 200 when the same bytes were already stored for this engagement. */
  private static ResponseEntity<DatasetReceipt> created(DatasetReceipt answer) {
    return ResponseEntity.status(answer.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(answer);
  }

  /**
   * text/csv means CSV and an ARFF type means ARFF; otherwise a file name's extension, else the
   * content decides.
   */
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
