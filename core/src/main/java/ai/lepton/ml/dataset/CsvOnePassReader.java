package ai.lepton.ml.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Reads a CSV in a single pass, which is what most files allow. Each cell is kept as a number until
 * its column shows text; from then on the column's cells are kept as labels in order of first
 * appearance. Once all rows are read each column takes the type most of its values have, and cells
 * that do not fit become bad rows, exactly as the two-pass reader decides. When that is not
 * possible in one pass (a column of mostly text that began with numbers, or more distinct labels
 * than a nominal attribute should hold) it answers {@code null} and the caller reads the file
 * twice.
 */
final class CsvOnePassReader {

  private CsvOnePassReader() {}

  static CsvInstancesReader.Result read(
      byte[] bytes, int offset, char delimiter, String relationName, ReadLimits limits) {
    List<double[]> rows = new ArrayList<>();
    long[] lines = new long[1024];
    List<BadRow> badRows = new ArrayList<>();
    List<String> header;
    Column[] columns;
    long records = 0;
    try (CSVParser parser = CsvInstancesReader.parser(bytes, offset, delimiter)) {
      header = parser.getHeaderNames();
      CsvInstancesReader.checkHeader(header);
      columns = new Column[header.size()];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = new Column(header.get(c));
      }
      Iterator<CSVRecord> iterator = parser.iterator();
      long line = parser.getCurrentLineNumber() + 1;
      for (CSVRecord record = CsvInstancesReader.next(parser, iterator);
          record != null;
          record = CsvInstancesReader.next(parser, iterator)) {
        if (++records > limits.maxRows()) {
          throw new DatasetParseException(
              "The file has more than " + limits.maxRows() + " rows, the limit");
        }
        if (record.size() != columns.length) {
          badRows.add(
              new BadRow(
                  line,
                  String.format(
                      "has %d fields but the header has %d", record.size(), columns.length),
                  record.toList()));
        } else {
          int row = rows.size();
          double[] values = new double[columns.length];
          for (int c = 0; c < columns.length; c++) {
            values[c] = columns[c].take(record.get(c), row);
            if (columns[c].tooManyLabels) {
              return null;
            }
          }
          rows.add(values);
          if (row == lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
          }
          lines[row] = line;
        }
        line = parser.getCurrentLineNumber() + 1;
      }
    } catch (IOException e) {
      throw CsvInstancesReader.readError(e, 0);
    }
    if (records == 0) {
      throw new DatasetParseException("The file has a header but no data rows");
    }
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (Column column : columns) {
      if (!column.isNumeric() && column.numberBeforeText) {
        return null;
      }
      attributes.add(
          column.isNumeric()
              ? new Attribute(column.name)
              : new Attribute(column.name, new ArrayList<>(column.labels.keySet())));
    }
    Instances data = new Instances(relationName, attributes, rows.size());
    for (int row = 0; row < rows.size(); row++) {
      double[] values = rows.get(row);
      rows.set(row, null);
      String problem = settle(columns, values, row, limits);
      if (problem == null) {
        data.add(new DenseInstance(1.0, values));
      } else {
        badRows.add(new BadRow(lines[row], problem, fields(columns, values, row)));
      }
    }
    badRows.sort((a, b) -> Long.compare(a.line(), b.line()));
    if (badRows.size() > limits.maxBadRowShare() * records) {
      throw new DatasetParseException(CsvInstancesReader.refusal(badRows, records, limits));
    }
    return new CsvInstancesReader.Result(data, badRows);
  }

  /** Turns a numeric column's labelled cells back into numbers; text there makes the row bad. */
  private static String settle(Column[] columns, double[] values, int row, ReadLimits limits) {
    for (int c = 0; c < columns.length; c++) {
      Column column = columns[c];
      if (column.isNumeric() && column.labelled.get(row)) {
        String text = column.labelList().get((int) values[c]);
        Double number = CsvInstancesReader.number(text);
        if (number == null) {
          return limits.personalColumns().contains(column.name)
              ? String.format(
                  "text in numeric column '%s' (personal data: value not shown)", column.name)
              : String.format("'%s' in numeric column '%s'", text, column.name);
        }
        values[c] = number;
      }
    }
    return null;
  }

  /** A bad row's fields as read, from what the single pass kept of it. */
  private static List<String> fields(Column[] columns, double[] values, int row) {
    List<String> fields = new ArrayList<>(columns.length);
    for (int c = 0; c < columns.length; c++) {
      double value = values[c];
      if (Utils.isMissingValue(value)) {
        fields.add("");
      } else if (columns[c].labelled.get(row)) {
        fields.add(columns[c].labelList().get((int) value));
      } else {
        fields.add(Utils.doubleToString(value, 12));
      }
    }
    return fields;
  }

  /** One column as the pass goes: counts for its type, and its labels once it has shown text. */
  private static final class Column {
    final String name;
    final Map<String, Integer> labels = new LinkedHashMap<>();
    final BitSet labelled = new BitSet();
    long present;
    long numeric;
    boolean sawText;
    boolean numberBeforeText;
    boolean tooManyLabels;
    private List<String> labelList;

    Column(String name) {
      this.name = name;
    }

    double take(String field, int row) {
      if (CsvInstancesReader.isMissing(field)) {
        return Utils.missingValue();
      }
      present++;
      Double number = CsvInstancesReader.number(field);
      if (number != null) {
        numeric++;
      } else {
        sawText = true;
      }
      if (!sawText) {
        numberBeforeText = true;
        return number;
      }
      Integer label = labels.putIfAbsent(field, labels.size());
      if (labels.size() > CsvInstancesReader.MAX_NOMINAL_LABELS) {
        tooManyLabels = true;
      }
      labelled.set(row);
      return label == null ? labels.size() - 1 : label;
    }

    boolean isNumeric() {
      return present > 0 && numeric * 2 >= present;
    }

    List<String> labelList() {
      if (labelList == null) {
        labelList = new ArrayList<>(labels.keySet());
      }
      return labelList;
    }
  }
}
