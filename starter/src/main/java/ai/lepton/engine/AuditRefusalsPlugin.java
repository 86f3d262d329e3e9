package ai.lepton.engine;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engine.AuditedRefusal;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Every command the engine refuses a logged-in user for lack of rights (starting a process,
 * completing someone else's task, changing variables...) becomes an AUTHORIZATION_REFUSED audit
 * entry, written after the command's own transaction has rolled back. Refusals Lepton's listeners
 * already audited are not recorded twice.
 */
@Component
public class AuditRefusalsPlugin extends AbstractProcessEnginePlugin {

  private final AuditTrail audit;

  public AuditRefusalsPlugin(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        EngineExtensions.appended(
            configuration.getCustomPreCommandInterceptorsTxRequired(),
            new Recording(configuration)));
  }

  private final class Recording extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Recording(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        AuthorizationException refusal = refusal(e);
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (refusal != null && !(refusal instanceof AuditedRefusal) && user != null) {
          String name = command.getClass().getSimpleName();
          audit.refusal(
              user.getUserId(),
              "engine",
              name,
              name,
              refusal.getMessage(),
              Map.of("command", name, "groups", user.getGroupIds()));
        }
        throw e;
      }
    }

    private AuthorizationException refusal(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof AuthorizationException authorization) {
          return authorization;
        }
      }
      return null;
    }
  }
}
