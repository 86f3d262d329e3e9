package ai.lepton.ml.monitoring;

import ai.lepton.ml.dataset.RowValues;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A model's recent inputs, column by column in the shape of its training data: numbers as doubles
 * (NaN when missing), labels as text (null when missing). Rows come from decision-log records
 * (JSON, streamed without building a map per row) and from datasets; a source that lacks an
 * attribute altogether adds nothing to that column, so columns may differ in length. Labels are
 * shared per attribute: 100,000 rows hold each distinct label once.
 */
public final class RecentInputs {

  private static final JsonFactory JSON = new JsonFactory();

  private final List<Attribute> order;
  private final Map<String, Integer> position = new HashMap<>();
  private final double[][] numbers;
  private final String[][] labels;
  private final int[] sizes;
  private final List<Map<String, String>> labelPool = new ArrayList<>();
  private int records;

  /**
   * @param skip attributes not to collect (the target)
   */
  public RecentInputs(Instances training, List<String> skip) {
    List<Attribute> kept = new ArrayList<>();
    for (int i = 0; i < training.numAttributes(); i++) {
      Attribute attribute = training.attribute(i);
      if (!skip.contains(attribute.name())
          && (attribute.isNumeric() || attribute.isNominal() || attribute.isString())) {
        kept.add(attribute);
      }
    }
    order = List.copyOf(kept);
    numbers = new double[order.size()][];
    labels = new String[order.size()][];
    sizes = new int[order.size()];
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i).name(), i);
      if (order.get(i).isNumeric()) {
        numbers[i] = new double[64];
      } else {
        labels[i] = new String[64];
      }
      labelPool.add(new HashMap<>());
    }
  }

  /**
   * Every row of a dataset as it was sent (e.g. production data for monitoring); the training
   * data's types rule.
   */
  public static RecentInputs of(Instances training, Instances recent, List<String> skip) {
    RecentInputs inputs = new RecentInputs(training, skip);
    inputs.addDataset(recent);
    return inputs;
  }

  public void addDataset(Instances data) {
    for (int at = 0; at < order.size(); at++) {
      Attribute column = data.attribute(order.get(at).name());
      if (column == null) {
        continue;
      }
      for (int r = 0; r < data.numInstances(); r++) {
        Instance row = data.instance(r);
        if (row.isMissing(column)) {
          add(at, null);
        } else if (column.isNumeric()) {
          add(at, row.value(column));
        } else {
          add(at, row.stringValue(column));
        }
      }
    }
    records += data.numInstances();
  }

  /**
   * One logged decision's features (a JSON object); an absent or null feature counts as missing.
   */
  public void addRecord(String featuresJson) {
    boolean[] seen = new boolean[order.size()];
    try (JsonParser parser = JSON.createParser(featuresJson)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        Integer at = position.get(parser.currentName());
        JsonToken token = parser.nextToken();
        if (at == null || seen[at]) {
          parser.skipChildren();
          continue;
        }
        seen[at] = true;
        Object value =
            switch (token) {
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
              case VALUE_STRING -> parser.getText();
              case VALUE_TRUE, VALUE_FALSE -> parser.getText();
              default -> {
                parser.skipChildren();
                yield null;
              }
            };
        add(at, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "A logged decision's features are not JSON: " + e.getMessage(), e);
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        add(i, null);
      }
    }
    records++;
  }

  private void add(int at, Object value) {
    int size = sizes[at];
    if (numbers[at] != null) {
      if (size == numbers[at].length) {
        numbers[at] = Arrays.copyOf(numbers[at], size * 2);
      }
      numbers[at][size] = number(value);
    } else {
      if (size == labels[at].length) {
        labels[at] = Arrays.copyOf(labels[at], size * 2);
      }
      labels[at][size] =
          value == null ? null : labelPool.get(at).computeIfAbsent(RowValues.label(value), l -> l);
    }
    sizes[at] = size + 1;
  }

  private static double number(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Rows added (decisions and dataset rows). */
  public int records() {
    return records;
  }

  public List<Attribute> attributes() {
    return order;
  }

  /**
   * The numbers collected for a numeric attribute (NaN = missing), none if the attribute never
   * came.
   */
  public double[] numbers(String attribute) {
    int at = position.get(attribute);
    return Arrays.copyOf(numbers[at], sizes[at]);
  }

  /** The labels collected for a nominal attribute (null = missing). */
  public String[] labels(String attribute) {
    int at = position.get(attribute);
    return Arrays.copyOf(labels[at], sizes[at]);
  }

  public int size(String attribute) {
    return sizes[position.get(attribute)];
  }
}
