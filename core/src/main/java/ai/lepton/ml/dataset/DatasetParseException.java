package ai.lepton.ml.dataset;

/** The bytes a client sent cannot be read as a dataset; the message says what and where. */
public class DatasetParseException extends RuntimeException {

  public DatasetParseException(String message) {
    super(message);
  }

  public DatasetParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
