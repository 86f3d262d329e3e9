package ai.lepton.ingest;

/** The pipeline refused a dataset; nothing was stored. The kind says how a source should answer. */
public class IngestRefusedException extends RuntimeException {

  /** Why a dataset was refused. */
  public enum Kind {
    UNKNOWN_ENGAGEMENT,
    UNREADABLE,
    TARGET_MISSING,
    TOO_LARGE,
    /** The server lacks what the data needs (a pseudonymisation key): an administrator must act. */
    NOT_CONFIGURED
  }

  private final Kind kind;

  public IngestRefusedException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public IngestRefusedException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }
}
