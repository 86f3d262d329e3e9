package ai.lepton.api;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.monitoring.MonitoringCheck;
import ai.lepton.ml.monitoring.MonitoringService;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.task.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitoring checks of a model version: the list with PSI/KS per attribute, and a check run now —
 * on its decisions and its engagement's monitoring data since it went live, or on one stored
 * dataset ({@code ?dataset=}). The maintenance phase of an engagement runs the same check on its
 * timer.
 */
@RestController
public class MonitoringController {

  private final MonitoringService monitoring;
  private final DatasetStore datasets;
  private final IdentityService identity;
  private final ModelRegistry registry;

  public MonitoringController(
      MonitoringService monitoring,
      DatasetStore datasets,
      IdentityService identity,
      ModelRegistry registry) {
    this.monitoring = monitoring;
    this.registry = registry;
    this.datasets = datasets;
    this.identity = identity;
  }

  @GetMapping("/api/models/{id}/monitoring")
  public List<MonitoringCheck> checks(@PathVariable String id) {
    return monitoring.checksOf(id).stream().map(MonitoringCheck::of).toList();
  }

  @PostMapping("/api/models/{id}/monitoring")
  @ResponseStatus(HttpStatus.CREATED)
  public MonitoringCheck check(
      @PathVariable String id, @RequestParam(required = false) String dataset) {
    if (CurrentUser.groups(identity).stream().noneMatch(LeptonGroups.DATA_SENDERS::contains)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Only project managers and data scientists may run monitoring checks");
    }
    String user = identity.getCurrentAuthentication().getUserId();
    if (dataset == null) {
      return MonitoringCheck.of(monitoring.check(id, registry.get(id).engagementKey(), user));
    }
    datasets.get(dataset);
    return MonitoringCheck.of(monitoring.checkDataset(id, dataset, user));
  }
}
