package ai.lepton.ml.scoring;

import ai.lepton.process.BpmnErrorCode;

/** A record cannot be scored; {@link #code()} is the BPMN error code a process can catch. */
public class ScoringException extends RuntimeException {

  public static final String MODEL_NOT_FOUND = BpmnErrorCode.MODEL_NOT_FOUND.name();
  public static final String INVALID_FEATURES = BpmnErrorCode.INVALID_FEATURES.name();

  /** The rule set asked for is not one the model's requirements and approval name. */
  public static final String RULE_SET_NOT_APPROVED = BpmnErrorCode.RULE_SET_NOT_APPROVED.name();

  /**
   * The deployed model's file failed its integrity check: not the caller's fault, and not scored.
   */
  public static final String MODEL_UNAVAILABLE = BpmnErrorCode.MODEL_UNAVAILABLE.name();

  public static final String NOT_A_DECISION_MODEL = BpmnErrorCode.NOT_A_DECISION_MODEL.name();
  public static final String NOT_A_FORECAST_MODEL = BpmnErrorCode.NOT_A_FORECAST_MODEL.name();

  private final String code;

  public ScoringException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
