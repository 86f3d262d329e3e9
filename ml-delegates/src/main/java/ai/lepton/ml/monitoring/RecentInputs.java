package ai.lepton.ml.monitoring;

import ai.lepton.ml.dataset.RowValues;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A model's recent inputs, column by column in the shape of its training data: numbers as doubles (NaN when
 * missing), labels as text (null when missing). Rows come from decision-log records (JSON, streamed without building
 * a map per row) and from datasets; a source that lacks an attribute altogether adds nothing to that column, so
 * columns may differ in length. Labels are shared per attribute: 100,000 rows hold each distinct label once.
 */
public final class RecentInputs {

  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, Attribute> attributes = new LinkedHashMap<>();
  private final Map<String, double[]> numbers = new HashMap<>();
  private final Map<String, String[]> labels = new HashMap<>();
  private final Map<String, Integer> sizes = new HashMap<>();
  private final Map<String, Map<String, String>> labelPool = new HashMap<>();
  private final List<Attribute> order;
  private final Map<String, Integer> position = new HashMap<>();
  private int records;

  /** @param skip attributes not to collect (the target) */
  public RecentInputs(Instances training, List<String> skip) {
    for (int i = 0; i < training.numAttributes(); i++) {
      Attribute attribute = training.attribute(i);
      if (skip.contains(attribute.name()) || !(attribute.isNumeric() || attribute.isNominal() || attribute.isString())) {
        continue;
      }
      attributes.put(attribute.name(), attribute);
      sizes.put(attribute.name(), 0);
      if (attribute.isNumeric()) {
        numbers.put(attribute.name(), new double[64]);
      } else {
        labels.put(attribute.name(), new String[64]);
        labelPool.put(attribute.name(), new HashMap<>());
      }
    }
    order = List.copyOf(attributes.values());
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i).name(), i);
    }
  }

  /** Every row of a dataset as it was sent (e.g. production data for monitoring); the training data's types rule. */
  public static RecentInputs of(Instances training, Instances recent, List<String> skip) {
    RecentInputs inputs = new RecentInputs(training, skip);
    inputs.addDataset(recent);
    return inputs;
  }

  public void addDataset(Instances data) {
    for (Attribute attribute : attributes.values()) {
      Attribute column = data.attribute(attribute.name());
      if (column == null) {
        continue;
      }
      for (int r = 0; r < data.numInstances(); r++) {
        Instance row = data.instance(r);
        if (row.isMissing(column)) {
          add(attribute, null);
        } else if (column.isNumeric()) {
          add(attribute, row.value(column));
        } else {
          add(attribute, row.stringValue(column));
        }
      }
    }
    records += data.numInstances();
  }

  /** One logged decision's features (a JSON object); an absent or null feature counts as missing. */
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
        Attribute attribute = order.get(at);
        Object value = switch (token) {
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
          case VALUE_STRING -> parser.getText();
          case VALUE_TRUE, VALUE_FALSE -> parser.getText();
          default -> {
            parser.skipChildren();
            yield null;
          }
        };
        add(attribute, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("A logged decision's features are not JSON: " + e.getMessage(), e);
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        add(order.get(i), null);
      }
    }
    records++;
  }

  private void add(Attribute attribute, Object value) {
    String name = attribute.name();
    int size = sizes.get(name);
    if (attribute.isNumeric()) {
      double[] column = numbers.get(name);
      if (size == column.length) {
        column = Arrays.copyOf(column, size * 2);
        numbers.put(name, column);
      }
      column[size] = number(value);
    } else {
      String[] column = labels.get(name);
      if (size == column.length) {
        column = Arrays.copyOf(column, size * 2);
        labels.put(name, column);
      }
      column[size] = value == null ? null : labelPool.get(name).computeIfAbsent(RowValues.label(value), l -> l);
    }
    sizes.put(name, size + 1);
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

  /** The numbers collected for a numeric attribute (NaN = missing), none if the attribute never came. */
  public double[] numbers(String attribute) {
    return Arrays.copyOf(numbers.get(attribute), sizes.get(attribute));
  }

  /** The labels collected for a nominal attribute (null = missing). */
  public String[] labels(String attribute) {
    return Arrays.copyOf(labels.get(attribute), sizes.get(attribute));
  }

  public int size(String attribute) {
    return sizes.get(attribute);
  }
}
