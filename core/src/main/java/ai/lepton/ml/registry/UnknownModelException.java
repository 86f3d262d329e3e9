package ai.lepton.ml.registry;

/** No model version has this id. */
public class UnknownModelException extends RuntimeException {

  public UnknownModelException(String id) {
    super("No model version with id '" + id + "'");
  }
}
