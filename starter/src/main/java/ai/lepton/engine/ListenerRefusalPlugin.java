package ai.lepton.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lepton's task listeners refuse bad input with a {@link FormFieldValidationException} (a 400 in
 * Camunda's REST API) and four-eyes violations with an {@link AuthorizationException} (a 403). The
 * engine wraps any listener exception in a generic one, which REST would answer with a 500; this
 * interceptor, outermost in every command, hands the original refusal back to the caller.
 */
@Component
public class ListenerRefusalPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        EngineExtensions.prepended(
            new Unwrapping(), configuration.getCustomPreCommandInterceptorsTxRequired()));
  }

  static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException
              || cause instanceof AuthorizationException) {
            throw (RuntimeException) cause;
          }
        }
        throw e;
      }
    }
  }
}
