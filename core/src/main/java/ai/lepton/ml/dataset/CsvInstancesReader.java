package ai.lepton.ml.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Reads delimited text (a header row; {@code ,} {@code ;} or tab, detected from the header; RFC
 * 4180 quotes; UTF-8 with or without BOM) into Weka {@link Instances} with Commons CSV, streaming
 * over the bytes. Most files are read in one pass ({@link CsvOnePassReader}); a file it cannot
 * settle in one pass is read twice: once to decide each column's type, once to build the rows.
 * Never holds the text decoded beside the bytes.
 *
 * <p>A column is numeric when most of its present values are numbers; a row whose field count
 * differs from the header, or that holds text in a numeric column, is a {@link BadRow}. Up to
 * {@link ReadLimits#maxBadRowShare()} of the rows may be bad (they are set aside); above that the
 * file is refused, naming the first bad rows. Empty fields, {@code ?} and {@code NA} are missing
 * values.
 */
final class CsvInstancesReader {

  private static final int REASONS_SHOWN = 5;

  /**
   * Beyond this many distinct labels a text column is kept as Weka string data, not a nominal
   * attribute.
   */
  static final int MAX_NOMINAL_LABELS = 100_000;

  private CsvInstancesReader() {}

  record Result(Instances data, List<BadRow> badRows) {}

  static Result read(byte[] bytes, int offset, String relationName, ReadLimits limits) {
    char delimiter = detectDelimiter(bytes, offset);
    Result onePass = CsvOnePassReader.read(bytes, offset, delimiter, relationName, limits);
    return onePass != null ? onePass : readTwice(bytes, offset, delimiter, relationName, limits);
  }

  /** The general reader: one pass decides the column types, a second builds the rows. */
  static Result readTwice(
      byte[] bytes, int offset, char delimiter, String relationName, ReadLimits limits) {
    ColumnStats stats = new ColumnStats();
    List<BadRow> badRows = new ArrayList<>();
    Set<Long> badRecords = new HashSet<>();
    List<String> header;
    long records = 0;
    try (CSVParser parser = parser(bytes, offset, delimiter)) {
      header = parser.getHeaderNames();
      checkHeader(header);
      stats.init(header.size());
      Iterator<CSVRecord> iterator = parser.iterator();
      long line = parser.getCurrentLineNumber() + 1;
      for (CSVRecord record = next(parser, iterator);
          record != null;
          record = next(parser, iterator)) {
        records++;
        if (records > limits.maxRows()) {
          throw new DatasetParseException(
              "The file has more than " + limits.maxRows() + " rows, the limit");
        }
        if (record.size() != header.size()) {
          badRecords.add(record.getRecordNumber());
          badRows.add(
              new BadRow(
                  line,
                  String.format(
                      "has %d fields but the header has %d", record.size(), header.size()),
                  record.toList()));
        } else {
          stats.add(record);
        }
        line = parser.getCurrentLineNumber() + 1;
      }
    } catch (IOException e) {
      throw readError(e, 0);
    }
    if (records == 0) {
      throw new DatasetParseException("The file has a header but no data rows");
    }

    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int col = 0; col < header.size(); col++) {
      attributes.add(stats.attribute(col, header.get(col)));
    }
    Instances data = new Instances(relationName, attributes, (int) Math.min(records, 1_000_000));
    try (CSVParser parser = parser(bytes, offset, delimiter)) {
      Iterator<CSVRecord> iterator = parser.iterator();
      long line = parser.getCurrentLineNumber() + 1;
      for (CSVRecord record = next(parser, iterator);
          record != null;
          record = next(parser, iterator)) {
        if (!badRecords.contains(record.getRecordNumber())) {
          String problem = addRow(data, record, limits.personalColumns());
          if (problem != null) {
            badRows.add(new BadRow(line, problem, record.toList()));
          }
        }
        line = parser.getCurrentLineNumber() + 1;
      }
    } catch (IOException e) {
      throw readError(e, 0);
    }
    badRows.sort((a, b) -> Long.compare(a.line(), b.line()));
    if (badRows.size() > limits.maxBadRowShare() * records) {
      throw new DatasetParseException(refusal(badRows, records, limits));
    }
    return new Result(data, badRows);
  }

  private static String addRow(Instances data, CSVRecord record, Set<String> personalColumns) {
    double[] values = new double[data.numAttributes()];
    for (int col = 0; col < values.length; col++) {
      String field = record.get(col);
      Attribute attribute = data.attribute(col);
      if (isMissing(field)) {
        values[col] = Utils.missingValue();
      } else if (attribute.isNumeric()) {
        Double number = number(field);
        if (number == null) {
          return personalColumns.contains(attribute.name())
              ? String.format(
                  "text in numeric column '%s' (personal data: value not shown)", attribute.name())
              : String.format("'%s' in numeric column '%s'", field, attribute.name());
        }
        values[col] = number;
      } else if (attribute.isString()) {
        values[col] = attribute.addStringValue(field);
      } else {
        values[col] = attribute.indexOfValue(field);
      }
    }
    data.add(new DenseInstance(1.0, values));
    return null;
  }

  static String refusal(List<BadRow> badRows, long records, ReadLimits limits) {
    StringBuilder message =
        new StringBuilder(
            String.format(
                "%d of %d rows are malformed, more than the %.1f%% that may be set aside; first: ",
                badRows.size(), records, 100 * limits.maxBadRowShare()));
    for (int i = 0; i < Math.min(REASONS_SHOWN, badRows.size()); i++) {
      BadRow row = badRows.get(i);
      message
          .append(i == 0 ? "" : "; ")
          .append("line ")
          .append(row.line())
          .append(' ')
          .append(row.reason());
    }
    return message.toString();
  }

  static CSVRecord next(CSVParser parser, Iterator<CSVRecord> records) {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      throw readError(e, parser.getCurrentLineNumber());
    } catch (IllegalStateException e) {
      throw new DatasetParseException(
          "The CSV cannot be read near line "
              + (parser.getCurrentLineNumber() + 1)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  static CSVParser parser(byte[] bytes, int offset, char delimiter) {
    Reader reader =
        new InputStreamReader(
            new ByteArrayInputStream(bytes, offset, bytes.length - offset),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();
    try {
      return CSVParser.builder().setReader(reader).setFormat(format).get();
    } catch (IOException | UncheckedIOException e) {
      throw readError(e, 0);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new DatasetParseException("The CSV header cannot be read: " + e.getMessage(), e);
    }
  }

  static DatasetParseException readError(Exception e, long lineNumber) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    if (cause instanceof CharacterCodingException) {
      return new DatasetParseException(
          String.format(
              "The file is not UTF-8 text (first bad byte near line %d): save it as UTF-8",
              lineNumber + 1),
          e);
    }
    return new DatasetParseException(
        "The CSV cannot be read near line " + (lineNumber + 1) + ": " + e.getMessage(), e);
  }

  static void checkHeader(List<String> header) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name == null || name.isBlank()) {
        throw new DatasetParseException(
            String.format("Line 1: column %d of the header has no name", i + 1));
      }
      if (!seen.add(name)) {
        throw new DatasetParseException(
            String.format("Line 1: column name '%s' appears twice", name));
      }
    }
  }

  /** The header's most frequent of {@code , ; TAB} outside quotes; a comma if none. */
  static char detectDelimiter(byte[] bytes, int offset) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = offset; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (b == '\n' || b == '\r') {
          break;
        }
        if (b == ',') {
          commas++;
        } else if (b == ';') {
          semicolons++;
        } else if (b == '\t') {
          tabs++;
        }
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas && tabs > semicolons ? '\t' : ',';
  }

  static Double number(String value) {
    if (!looksNumeric(value)) { // text is most cells of a text column: no exception thrown per cell
      return null;
    }
    try {
      double d = Double.parseDouble(value);
      return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Only digits, signs, one kind of decimal point and exponent marks: 1.5d, 2f, NaN, Infinity,
   * 0x1p3 are text.
   */
  private static boolean looksNumeric(String value) {
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }

  /** Empty, {@code ?} and {@code NA} are missing values ({@link MissingValue}). */
  static boolean isMissing(String field) {
    return MissingValue.is(field);
  }

  /**
   * Per column: how many present values, how many numeric, and the labels in order of first
   * appearance.
   */
  private static final class ColumnStats {
    private long[] present;
    private long[] numeric;
    private List<Map<String, Integer>> labels;
    private boolean[] tooManyLabels;

    void init(int columns) {
      present = new long[columns];
      numeric = new long[columns];
      tooManyLabels = new boolean[columns];
      labels = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        labels.add(new LinkedHashMap<>());
      }
    }

    void add(CSVRecord record) {
      for (int col = 0; col < present.length; col++) {
        String value = record.get(col);
        if (isMissing(value)) {
          continue;
        }
        present[col]++;
        if (number(value) != null) {
          numeric[col]++;
        }
        if (!tooManyLabels[col]) {
          Map<String, Integer> columnLabels = labels.get(col);
          columnLabels.putIfAbsent(value, columnLabels.size());
          if (columnLabels.size() > MAX_NOMINAL_LABELS) {
            tooManyLabels[col] = true;
            columnLabels.clear();
          }
        }
      }
    }

    Attribute attribute(int col, String name) {
      if (present[col] > 0 && numeric[col] * 2 >= present[col]) {
        return new Attribute(name);
      }
      if (tooManyLabels[col]) {
        return new Attribute(name, (List<String>) null);
      }
      return new Attribute(name, new ArrayList<>(labels.get(col).keySet()));
    }
  }
}
