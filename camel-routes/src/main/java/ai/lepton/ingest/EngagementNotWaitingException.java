package ai.lepton.ingest;

import ai.lepton.ml.dataset.StoredDataset;

/** The dataset was stored, but its engagement was not waiting for data: nothing was correlated. */
public class EngagementNotWaitingException extends RuntimeException {

  private final transient IngestResult result;

  public EngagementNotWaitingException(IngestResult result, String message) {
    super(message);
    this.result = result;
  }

  public IngestResult result() {
    return result;
  }

  public StoredDataset dataset() {
    return result.dataset();
  }
}
