package ai.lepton.ml.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that Lepton makes on a person's behalf after its own API has checked and
 * audited that person (data received, an engagement closed): in one engine command with Camunda's
 * authorization checks off, so a group that may not correlate messages or change variables itself
 * can still send data through Lepton. The logged-in user stays known to the engine, so history and
 * listeners still name who acted.
 */
@Component
public class AsLepton {

  private final ProcessEngineConfigurationImpl engine;

  public AsLepton(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  public <T> T run(Supplier<T> work) {
    return run(work, true);
  }

  /**
   * As {@link #run}, for a straight-through decision: Camunda's user operation log gets no "Create
   * ProcessInstance" entry for it. Lepton's decision log names who asked for each decision ({@code
   * requested_by}); the engine's entry said it again in a table with ten indexes, the larger part
   * of what each decision wrote (BENCHMARKS.md).
   */
  public <T> T runDecision(Supplier<T> work) {
    return run(work, false);
  }

  private <T> T run(Supplier<T> work, boolean operationLogged) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            (CommandContext context) -> {
              boolean checking = context.isAuthorizationCheckEnabled();
              boolean logging = context.isUserOperationLogEnabled();
              context.disableAuthorizationCheck();
              if (!operationLogged) {
                context.disableUserOperationLog();
              }
              try {
                return work.get();
              } finally {
                if (checking) {
                  context.enableAuthorizationCheck();
                }
                if (logging) {
                  context.enableUserOperationLog();
                }
              }
            });
  }
}
