package ai.lepton.ml.scoring;

/** A record cannot be scored; {@link #code()} is the BPMN error code a process can catch. */
public class ScoringException extends RuntimeException {

  public static final String MODEL_NOT_FOUND = "MODEL_NOT_FOUND";
  public static final String INVALID_FEATURES = "INVALID_FEATURES";
  /** The rule set asked for is not one the model's requirements and approval name. */
  public static final String RULE_SET_NOT_APPROVED = "RULE_SET_NOT_APPROVED";
  /** The deployed model's file failed its integrity check: not the caller's fault, and not scored. */
  public static final String MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE";

  private final String code;

  public ScoringException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
