package ai.lepton.ml.training;

/** An algorithm line names no Weka classifier, or Weka refuses its options. */
public class InvalidAlgorithmException extends RuntimeException {

  public InvalidAlgorithmException(String message, Throwable cause) {
    super(message, cause);
  }

  public InvalidAlgorithmException(String message) {
    super(message);
  }
}
