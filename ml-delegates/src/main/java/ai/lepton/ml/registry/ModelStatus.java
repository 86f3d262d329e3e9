package ai.lepton.ml.registry;

import java.util.Set;

/**
 * Where a model version stands; each change is a new row in its history. The changes allowed form a state machine:
 * CANDIDATE → CHAMPION → APPROVED → DEPLOYED → RETIRED, REJECTED from CHAMPION or APPROVED, and RETIRED → DEPLOYED
 * again only by a rollback a model risk officer confirmed ({@link ModelRegistry#rollBack}).
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
  /** Was live, replaced by a newer deployment. */
  RETIRED;

  /** The statuses a version may move to from this one. */
  public Set<ModelStatus> next() {
    return switch (this) {
      case CANDIDATE -> Set.of(CHAMPION);
      case CHAMPION -> Set.of(APPROVED, REJECTED);
      case APPROVED -> Set.of(DEPLOYED, REJECTED);
      case DEPLOYED -> Set.of(RETIRED);
      case RETIRED -> Set.of(DEPLOYED);
      case REJECTED -> Set.of();
    };
  }
}
