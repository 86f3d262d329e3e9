package ai.lepton.ml.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Reads comma-separated text (RFC 4180 quoting, a header row) into Weka {@link Instances}.
 *
 * <p>A column whose every present value is a number becomes numeric, any other column nominal with its values in
 * order of first appearance. Empty fields, {@code ?} and {@code NA} are missing values. A row with the wrong number of
 * fields is an error that names its line, never a silently shifted record.
 */
public final class CsvInstancesReader {

  private static final Set<String> MISSING = Set.of("", "?", "NA");

  private CsvInstancesReader() {}

  public static Instances read(String text, String relationName) {
    List<Row> rows = parse(text);
    if (rows.isEmpty()) {
      throw new DatasetParseException("The CSV has no header row: the body is empty");
    }
    List<String> header = rows.get(0).fields;
    checkHeader(header, rows.get(0).line);
    List<Row> records = rows.subList(1, rows.size());
    if (records.isEmpty()) {
      throw new DatasetParseException("The CSV has a header but no data rows");
    }
    for (Row row : records) {
      if (row.fields.size() != header.size()) {
        throw new DatasetParseException(String.format(
            "Line %d has %d fields but the header has %d", row.line, row.fields.size(), header.size()));
      }
    }
    ArrayList<Attribute> attributes = new ArrayList<>();
    List<Map<String, Integer>> nominalIndexes = new ArrayList<>();
    for (int col = 0; col < header.size(); col++) {
      if (isNumericColumn(records, col)) {
        attributes.add(new Attribute(header.get(col)));
        nominalIndexes.add(null);
      } else {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Row row : records) {
          String value = row.fields.get(col);
          if (!MISSING.contains(value)) {
            index.putIfAbsent(value, index.size());
          }
        }
        attributes.add(new Attribute(header.get(col), new ArrayList<>(index.keySet())));
        nominalIndexes.add(index);
      }
    }
    Instances data = new Instances(relationName, attributes, records.size());
    for (Row row : records) {
      double[] values = new double[header.size()];
      for (int col = 0; col < values.length; col++) {
        String field = row.fields.get(col);
        if (MISSING.contains(field)) {
          values[col] = Utils.missingValue();
        } else if (nominalIndexes.get(col) == null) {
          values[col] = Double.parseDouble(field);
        } else {
          values[col] = nominalIndexes.get(col).get(field);
        }
      }
      data.add(new DenseInstance(1.0, values));
    }
    return data;
  }

  private static void checkHeader(List<String> header, int line) {
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isBlank()) {
        throw new DatasetParseException(String.format("Line %d: column %d of the header has no name", line, i + 1));
      }
      if (!seen.add(name)) {
        throw new DatasetParseException(String.format("Line %d: column name '%s' appears twice", line, name));
      }
    }
  }

  private static boolean isNumericColumn(List<Row> records, int col) {
    boolean anyPresent = false;
    for (Row row : records) {
      String value = row.fields.get(col);
      if (MISSING.contains(value)) {
        continue;
      }
      anyPresent = true;
      if (!looksNumeric(value)) {
        return false;
      }
    }
    return anyPresent;
  }

  private static boolean looksNumeric(String value) {
    try {
      double d = Double.parseDouble(value);
      return !Double.isNaN(d) && !Double.isInfinite(d) && !value.endsWith("d") && !value.endsWith("f")
          && !value.endsWith("D") && !value.endsWith("F");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private record Row(int line, List<String> fields) {}

  /** Splits the text into rows of fields; a quoted field may hold commas, doubled quotes and line breaks. */
  private static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean fieldWasQuoted = false;
    int line = 1;
    int rowStartLine = 1;
    int quoteOpenedAt = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            inQuotes = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          if (field.length() > 0) {
            throw new DatasetParseException(String.format(
                "Line %d: a quote inside an unquoted field (field %d)", line, fields.size() + 1));
          }
          inQuotes = true;
          fieldWasQuoted = true;
          quoteOpenedAt = line;
        }
        case ',' -> {
          fields.add(finish(field, fieldWasQuoted));
          fieldWasQuoted = false;
        }
        case '\r' -> { }
        case '\n' -> {
          endRow(rows, fields, field, fieldWasQuoted, rowStartLine);
          fields = new ArrayList<>();
          fieldWasQuoted = false;
          line++;
          rowStartLine = line;
        }
        default -> {
          if (fieldWasQuoted) {
            throw new DatasetParseException(String.format(
                "Line %d: text after the closing quote of field %d", line, fields.size() + 1));
          }
          field.append(c);
        }
      }
    }
    if (inQuotes) {
      throw new DatasetParseException(String.format("Line %d: a quoted field is never closed", quoteOpenedAt));
    }
    endRow(rows, fields, field, fieldWasQuoted, rowStartLine);
    return rows;
  }

  private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, boolean quoted, int line) {
    if (fields.isEmpty() && field.length() == 0 && !quoted) {
      return; // blank line
    }
    fields.add(finish(field, quoted));
    rows.add(new Row(line, fields));
  }

  private static String finish(StringBuilder field, boolean quoted) {
    String value = quoted ? field.toString() : field.toString().strip();
    field.setLength(0);
    return value;
  }
}
