package ai.lepton.app;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the one call that needs no login (for load balancers and container probes). It says whether
 * the engine reaches its database, and nothing else.
 */
@RestController
public class HealthController {

  private final ManagementService management;

  public HealthController(ManagementService management) {
    this.management = management;
  }

  @GetMapping("/health")
  public Map<String, String> health() {
    management.getHistoryLevel(); // a query on the engine's database
    return Map.of("status", "UP");
  }
}
