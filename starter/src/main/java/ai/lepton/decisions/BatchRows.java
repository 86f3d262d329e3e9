package ai.lepton.decisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a batch as they are read, one at a time (a batch is never held in memory): CSV with a
 * header row, or JSON lines (one object per line, blank lines skipped). A row that is not a record
 * is a {@link BatchRow} saying why; a body that cannot be read any further (broken CSV quoting, a
 * line over {@link #MOST_PER_LINE}) ends with one.
 */
public final class BatchRows {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest line a batch may hold: the largest body of a single decision, 64 KB. */
  public static final int MOST_PER_LINE = 64 * 1024;

  private BatchRows() {}

  /**
   * CSV with a header naming the attributes; {@code typed} turns a row's cells into a record of the
   * model.
   */
  public static Iterator<BatchRow> csv(
      Reader body, Function<Map<String, String>, Map<String, Object>> typed) throws IOException {
    CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get()
            .parse(new LineLengthLimit(body, MOST_PER_LINE));
    Iterator<CSVRecord> records = parser.iterator();
    int columns = parser.getHeaderNames().size();
    return new Iterator<>() {
      private long row;
      private boolean broken;

      @Override
      public boolean hasNext() {
        if (broken) {
          return false;
        }
        try {
          return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
          return true; // next() answers what broke
        }
      }

      @Override
      public BatchRow next() {
        row++;
        CSVRecord record;
        try {
          record = records.next();
        } catch (NoSuchElementException e) {
          throw e;
        } catch (UncheckedIOException | IllegalStateException e) {
          broken = true;
          return BatchRow.notARecord(row, "The CSV cannot be read from here on: " + e.getMessage());
        }
        if (record.size() != columns) {
          return BatchRow.notARecord(
              row, "The row has " + record.size() + " cells; the header names " + columns);
        }
        return BatchRow.of(row, typed.apply(record.toMap()));
      }
    };
  }

  /** JSON lines: one JSON object per line. */
  public static Iterator<BatchRow> jsonLines(Reader body) {
    BufferedReader lines = new BufferedReader(new LineLengthLimit(body, MOST_PER_LINE));
    return new Iterator<>() {
      private long row;
      private String unreadable;
      private String next = read();

      private String read() {
        try {
          String line;
          do {
            line = lines.readLine();
          } while (line != null && line.isBlank());
          return line;
        } catch (IOException e) {
          unreadable = "The body cannot be read from here on: " + e.getMessage();
          return null;
        }
      }

      @Override
      public boolean hasNext() {
        return next != null || unreadable != null;
      }

      @Override
      public BatchRow next() {
        if (next == null) {
          if (unreadable == null) {
            throw new NoSuchElementException();
          }
          String why = unreadable;
          unreadable = null;
          return BatchRow.notARecord(++row, why);
        }
        String line = next;
        next = read();
        row++;
        try {
          JsonNode node = JSON.readTree(line);
          if (node == null || !node.isObject()) {
            return BatchRow.notARecord(
                row, "Each line must be one JSON object of a record's features");
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> record = JSON.convertValue(node, LinkedHashMap.class);
          return BatchRow.of(row, record);
        } catch (JsonProcessingException e) {
          return BatchRow.notARecord(row, "Not JSON: " + e.getOriginalMessage());
        }
      }
    };
  }
}
