package ai.lepton.ml.dataset;

import java.util.Set;

/**
 * How much a reader tolerates: the share of malformed rows it sets aside (above it the whole file
 * is refused), the most rows it reads, and the personal-data columns whose values never appear in
 * its messages.
 */
public record ReadLimits(double maxBadRowShare, long maxRows, Set<String> personalColumns) {

  /**
   * For re-reading what was already accepted: the same rows are set aside again, nothing is
   * refused.
   */
  public static final ReadLimits ACCEPTED = new ReadLimits(1.0, Long.MAX_VALUE);

  public static final ReadLimits STRICT = new ReadLimits(0.0, Long.MAX_VALUE);

  public ReadLimits(double maxBadRowShare, long maxRows) {
    this(maxBadRowShare, maxRows, Set.of());
  }
}
