package ai.lepton.app;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the one call that needs no login (for load balancers and container probes).
 * It says whether the node is ready, and nothing else: 503 {@code STARTING} until the start-up work
 * is done (the administrator, the groups' rights and the demo users exist — before that a correct
 * login would be refused), then 200 {@code UP} while the engine reaches its database.
 */
@RestController
public class HealthController {

  private final ManagementService management;
  private final ApplicationAvailability availability;

  public HealthController(ManagementService management, ApplicationAvailability availability) {
    this.management = management;
    this.availability = availability;
  }

  @GetMapping("/health")
  public ResponseEntity<Map<String, String>> health() {
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("status", "STARTING"));
    }
    management.getHistoryLevel(); // a query on the engine's database
    return ResponseEntity.ok(Map.of("status", "UP"));
  }
}
