package ai.lepton.metrics;

import ai.lepton.ml.engine.AsLepton;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's backlog as gauges, counted when scraped, whoever scrapes (the counts are the
 * engine's, not one user's view of them): {@code lepton.engine.jobs} (state {@code due}: executable
 * now; {@code failed}: out of retries, an incident in Cockpit), {@code lepton.engine.incidents}
 * (open) and {@code lepton.engine.external.tasks} (open, e.g. training waiting for a worker).
 */
public final class EngineMeters {

  private EngineMeters() {}

  public static void register(
      MeterRegistry registry, ProcessEngineConfigurationImpl engine, AsLepton asLepton) {
    ManagementService management = engine.getManagementService();
    RuntimeService runtime = engine.getRuntimeService();
    Gauge.builder(
            "lepton.engine.jobs",
            () -> asLepton.run(() -> management.createJobQuery().executable().count()))
        .tag("state", "due")
        .description("Jobs the job executor may run now")
        .register(registry);
    Gauge.builder(
            "lepton.engine.jobs",
            () -> asLepton.run(() -> management.createJobQuery().noRetriesLeft().count()))
        .tag("state", "failed")
        .description("Jobs out of retries (each an incident)")
        .register(registry);
    Gauge.builder(
            "lepton.engine.incidents",
            () -> asLepton.run(() -> runtime.createIncidentQuery().count()))
        .description("Open incidents")
        .register(registry);
    Gauge.builder(
            "lepton.engine.external.tasks",
            () ->
                asLepton.run(
                    () -> engine.getExternalTaskService().createExternalTaskQuery().count()))
        .description("Open external tasks (training waiting for or held by a worker)")
        .register(registry);
  }
}
