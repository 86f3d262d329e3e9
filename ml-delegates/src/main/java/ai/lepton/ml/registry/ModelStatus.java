package ai.lepton.ml.registry;

/** Where a model version stands; each change is a new row in its history. */
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
  RETIRED
}
