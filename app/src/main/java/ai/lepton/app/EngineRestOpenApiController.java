package ai.lepton.app;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/openapi/engine-rest.json}: Camunda's own OpenAPI document of {@code /engine-rest}
 * (from Camunda's {@code camunda-engine-rest-openapi}), beside Lepton's {@code /api/openapi.json}
 * in the API explorer.
 */
@RestController
public class EngineRestOpenApiController {

  private final Resource document = new ClassPathResource("openapi.json");

  @GetMapping(path = "/api/openapi/engine-rest.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Resource> engineRest() {
    return ResponseEntity.ok(document);
  }
}
