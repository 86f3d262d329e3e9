package ai.lepton.ml.scoring;

/** A record cannot be scored; {@link #code()} is the BPMN error code a process can catch. */
public class ScoringException extends RuntimeException {

  public static final String MODEL_NOT_FOUND = "MODEL_NOT_FOUND";
  public static final String INVALID_FEATURES = "INVALID_FEATURES";

  private final String code;

  public ScoringException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
