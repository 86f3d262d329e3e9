package ai.lepton.api;

import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model registry, read-only: versions with their evidence, status history and approvals, and
 * model files.
 */
@RestController
public class ModelController {

  private final ModelRegistry registry;

  public ModelController(ModelRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/api/models")
  public List<ModelView> models(
      @RequestParam(name = "engagement", required = false) String engagement) {
    List<ModelVersion> versions =
        engagement == null ? registry.findAll() : registry.findByEngagement(engagement);
    return versions.stream().map(this::view).toList();
  }

  /**
   * The version that was DEPLOYED under {@code name} at the instant {@code at} (ISO-8601), or 404.
   */
  @GetMapping("/api/models/live")
  public ModelView liveAt(@RequestParam String name, @RequestParam String at) {
    Instant instant;
    try {
      instant = Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid instant",
          "'at' must be an ISO-8601 instant such as 2026-11-29T08:00:00Z, not '" + at + "'");
    }
    ModelVersion version =
        registry
            .liveAt(name, instant)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.NOT_FOUND,
                        "No live model",
                        "No version of '" + name + "' was deployed at " + instant));
    return view(version).withRecord(instant.toString(), registry.statusHistory(version.id()), null);
  }

  @GetMapping("/api/models/{id}")
  public ModelView model(@PathVariable String id) {
    return view(registry.get(id))
        .withRecord(null, registry.statusHistory(id), registry.approvalsOf(id));
  }

  @GetMapping("/api/models/{id}/file")
  public ResponseEntity<byte[]> file(@PathVariable String id) {
    ModelVersion version = registry.get(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".model\"")
        .header("X-Model-Sha256", version.modelSha256())
        .body(registry.modelFile(id));
  }

  private ModelView view(ModelVersion version) {
    return ModelView.of(version, registry.currentStatus(version.id()));
  }
}
