package ai.lepton.ml.training;

/** Weka could not train or evaluate a model; the message names the algorithm and the reason. */
public class TrainingFailedException extends RuntimeException {

  public TrainingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
