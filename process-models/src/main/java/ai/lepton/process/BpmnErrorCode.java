package ai.lepton.process;

/**
 * The BPMN error codes Lepton's delegates throw and its processes (and callers' call activities)
 * catch: the error code is the name. `model-decision` ends at *Refused* with it in {@code
 * errorCode}.
 */
public enum BpmnErrorCode {

  /** No model is deployed under the name. */
  MODEL_NOT_FOUND,
  /**
   * The record is not one of the model's: unknown attributes, wrong types or labels, too few
   * attributes.
   */
  INVALID_FEATURES,
  /** The live model's file failed its integrity check. */
  MODEL_UNAVAILABLE,
  /** The rule set is not one the model's requirements and approval name. */
  RULE_SET_NOT_APPROVED,
  /** The model forecasts a series: it does not decide on one record. */
  NOT_A_DECISION_MODEL,
  /** The model decides on records: it does not forecast a series. */
  NOT_A_FORECAST_MODEL,
  /** No rule set has that name. */
  UNKNOWN_RULE_SET,
  /**
   * A dataset a process sent was refused by the ingest pipeline: unreadable, target missing, too
   * large, unknown engagement.
   */
  DATASET_REFUSED,
  /** A dataset a process sent was stored, but its engagement was not waiting for it. */
  ENGAGEMENT_NOT_WAITING,
  /**
   * The engagement's model is no longer live (replaced or retired elsewhere): its maintenance ends.
   */
  MODEL_NOT_LIVE
}
