package ai.lepton.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's backlog as gauges, counted when scraped, whoever scrapes (the counts are the engine's, not one user's
 * view of them): {@code lepton.engine.jobs} (state {@code due}: executable now; {@code failed}: out of retries, an
 * incident in Cockpit), {@code lepton.engine.incidents} (open) and {@code lepton.engine.external.tasks} (open, e.g.
 * training waiting for a worker).
 */
public final class EngineMeters {

  private EngineMeters() {}

  public static void register(MeterRegistry registry, ProcessEngineConfigurationImpl engine) {
    ManagementService management = engine.getManagementService();
    RuntimeService runtime = engine.getRuntimeService();
    Gauge.builder("lepton.engine.jobs", () -> count(engine, c -> management.createJobQuery().executable().count()))
        .tag("state", "due").description("Jobs the job executor may run now").register(registry);
    Gauge.builder("lepton.engine.jobs", () -> count(engine, c -> management.createJobQuery().noRetriesLeft().count()))
        .tag("state", "failed").description("Jobs out of retries (each an incident)").register(registry);
    Gauge.builder("lepton.engine.incidents", () -> count(engine, c -> runtime.createIncidentQuery().count()))
        .description("Open incidents").register(registry);
    Gauge.builder("lepton.engine.external.tasks",
            () -> count(engine, c -> engine.getExternalTaskService().createExternalTaskQuery().count()))
        .description("Open external tasks (training waiting for or held by a worker)").register(registry);
  }

  private static long count(ProcessEngineConfigurationImpl engine,
      Function<org.camunda.bpm.engine.impl.interceptor.CommandContext, Long> query) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return query.apply(context);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }
}
