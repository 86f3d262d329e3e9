package ai.lepton.api;

import ai.lepton.process.ElementTemplates;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/element-templates}: Lepton's Camunda Modeler element templates as one file, for
 * any logged-in user (process designers save it in Modeler's {@code resources/element-templates/}
 * folder).
 */
@RestController
public class ElementTemplateController {

  private final List<JsonNode> templates = ElementTemplates.lepton().all();

  @GetMapping("/api/element-templates")
  public ResponseEntity<List<JsonNode>> templates() {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"lepton-element-templates.json\"")
        .body(templates);
  }
}
