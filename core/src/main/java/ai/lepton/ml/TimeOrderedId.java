package ai.lepton.ml;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of log rows that sort by time: a prefix, the millisecond in hex (12 digits) and 8 random hex
 * digits. New rows land at the end of the id index instead of on a random page of it, which the
 * database would then rewrite.
 */
public final class TimeOrderedId {

  private TimeOrderedId() {}

  /**
   * @param prefix what kind of row, e.g. {@code dc} for a decision
   */
  public static String next(String prefix) {
    return String.format(
        "%s-%012x%08x",
        prefix, System.currentTimeMillis(), ThreadLocalRandom.current().nextLong(1L << 32));
  }
}
