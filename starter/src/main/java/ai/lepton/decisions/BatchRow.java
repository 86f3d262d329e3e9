package ai.lepton.decisions;

import java.util.Map;

/**
 * One row of a batch as read: its number (1 for the first record), and either the record or why it
 * is not one.
 */
public record BatchRow(long row, Map<String, Object> record, String unreadable) {

  public static BatchRow of(long row, Map<String, Object> record) {
    return new BatchRow(row, record, null);
  }

  public static BatchRow notARecord(long row, String why) {
    return new BatchRow(row, null, why);
  }
}
