package ai.lepton.ml.dataset;

/**
 * How much a reader tolerates: the share of malformed rows it sets aside (above it the whole file is refused) and the
 * most rows it reads.
 */
public record ReadLimits(double maxBadRowShare, long maxRows) {

  /** For re-reading what was already accepted: the same rows are set aside again, nothing is refused. */
  public static final ReadLimits ACCEPTED = new ReadLimits(1.0, Long.MAX_VALUE);

  public static final ReadLimits STRICT = new ReadLimits(0.0, Long.MAX_VALUE);
}
