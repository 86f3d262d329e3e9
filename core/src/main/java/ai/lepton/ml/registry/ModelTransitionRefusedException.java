package ai.lepton.ml.registry;

/**
 * A status change the registry's state machine does not allow, or that lacks the record it needs.
 */
public class ModelTransitionRefusedException extends IllegalStateException {

  public ModelTransitionRefusedException(String message) {
    super(message);
  }
}
