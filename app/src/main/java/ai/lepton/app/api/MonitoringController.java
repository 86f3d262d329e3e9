package ai.lepton.app.api;

import ai.lepton.app.security.LeptonGroups;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.monitoring.MonitoringService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitoring checks of a model version: the list with PSI/KS per attribute, and a check run now against a stored
 * dataset of recent inputs (the maintenance phase runs them on its timer).
 */
@RestController
public class MonitoringController {

  private final MonitoringService monitoring;
  private final DatasetStore datasets;
  private final IdentityService identity;

  public MonitoringController(MonitoringService monitoring, DatasetStore datasets, IdentityService identity) {
    this.monitoring = monitoring;
    this.datasets = datasets;
    this.identity = identity;
  }

  @GetMapping("/api/models/{id}/monitoring")
  public List<Map<String, Object>> checks(@PathVariable String id) {
    return monitoring.checksOf(id);
  }

  @PostMapping("/api/models/{id}/monitoring")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> check(@PathVariable String id, @RequestParam String dataset) {
    if (LeptonGroups.ofCurrentUser(identity).stream().noneMatch(LeptonGroups.DATA_SENDERS::contains)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden",
          "Only project managers and data scientists may run monitoring checks");
    }
    return monitoring.check(id, datasets.load(dataset), "dataset " + dataset,
        identity.getCurrentAuthentication().getUserId());
  }
}
