package ai.lepton.ml.registry;

import java.util.Set;

/**
 * Where a model version stands; each change is a new row in its history. The changes allowed form a
 * state machine: CANDIDATE → CHAMPION → APPROVED → DEPLOYED → RETIRED, REJECTED from CHAMPION or
 * APPROVED, and RETIRED → DEPLOYED again only by a rollback a model risk officer confirmed ({@link
 * ModelRegistry#rollBack}). An approved version may instead go on trial as a CHALLENGER beside the
 * live one; from there it is promoted (DEPLOYED) or retired only on a model risk officer's recorded
 * decision ({@link ModelRegistry#settleChallenger}).
 */
public enum ModelStatus {
  /** Trained and cross-validated, one of an engagement's candidates. */
  CANDIDATE,
  /** The best candidate of its round by the engagement's success metric. */
  CHAMPION,
  APPROVED,
  REJECTED,
  /** Live under its model name. */
  DEPLOYED,
  /** Was live, replaced by a newer deployment; or a challenger that lost its trial. */
  RETIRED,
  /** On trial: scores every live decision of its model name in shadow, never answering. */
  CHALLENGER;

  /** The statuses a version may move to from this one. */
  public Set<ModelStatus> next() {
    return switch (this) {
      case CANDIDATE -> Set.of(CHAMPION);
      case CHAMPION -> Set.of(APPROVED, REJECTED);
      case APPROVED -> Set.of(DEPLOYED, CHALLENGER, REJECTED);
      case CHALLENGER -> Set.of(DEPLOYED, RETIRED);
      case DEPLOYED -> Set.of(RETIRED);
      case RETIRED -> Set.of(DEPLOYED);
      case REJECTED -> Set.of();
    };
  }
}
