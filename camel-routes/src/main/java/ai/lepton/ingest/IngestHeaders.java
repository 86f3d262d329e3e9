package ai.lepton.ingest;

/**
 * The headers a source sets on a message it sends into {@link DatasetIngestRoute}, and those the
 * pipeline adds.
 */
public final class IngestHeaders {

  /** The engagement id (business key) the data belongs to. */
  public static final String ENGAGEMENT = "leptonEngagement";

  /** Where the data came from: {@code http}, {@code file}, {@code sql}. */
  public static final String SOURCE = "leptonSource";

  public static final String DATASET_NAME = "leptonDatasetName";

  /** {@code csv} or {@code arff} when the source knows; absent to decide from the content. */
  public static final String FORMAT = "leptonFormat";

  /** Who sent it (a user id), or absent for an unattended source. */
  public static final String USER = "leptonUser";

  /**
   * The BPMN message to correlate: {@code DatasetReceived} (default) or {@code
   * MonitoringDataReceived}.
   */
  public static final String MESSAGE = "leptonMessage";

  /** Set by the pipeline: SHA-256 of the bytes received. */
  public static final String SHA256 = "leptonSha256";

  private IngestHeaders() {}
}
