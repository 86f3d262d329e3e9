package ai.lepton.ml.registry;

/**
 * A model file that is not what was registered and approved: it is neither deserialized nor
 * deployed.
 */
public class ModelIntegrityException extends RuntimeException {

  public ModelIntegrityException(String message) {
    super(message);
  }

  public ModelIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
