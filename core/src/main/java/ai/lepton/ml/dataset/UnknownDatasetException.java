package ai.lepton.ml.dataset;

/** No dataset has this id. */
public class UnknownDatasetException extends RuntimeException {

  public UnknownDatasetException(String id) {
    super("No dataset with id '" + id + "'");
  }
}
