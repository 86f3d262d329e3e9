package ai.lepton.ml.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that Lepton makes on a person's behalf after its own API has checked and audited that person
 * (data received, an engagement closed): in one engine command with Camunda's authorization checks off, so a group
 * that may not correlate messages or change variables itself can still send data through Lepton. The logged-in user
 * stays known to the engine, so history and listeners still name who acted.
 */
@Component
public class AsLepton {

  private final ProcessEngineConfigurationImpl engine;

  public AsLepton(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  public <T> T run(Supplier<T> work) {
    return engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
      boolean checking = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        if (checking) {
          context.enableAuthorizationCheck();
        }
      }
    });
  }
}
