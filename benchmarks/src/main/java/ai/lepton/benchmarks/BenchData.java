package ai.lepton.benchmarks;

import ai.lepton.ml.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Instances;

/**
 * The benchmarks' data: files on the class path, and datasets' rows as the records a decision
 * request sends.
 */
final class BenchData {

  private BenchData() {}

  /**
   * A file on the class path (data/wa_churn.csv from the core's tests, credit-g from the Weka jar).
   */
  static byte[] resource(String path) {
    try (InputStream in = BenchData.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each row as a record: its attributes but the class, numbers as numbers, labels and texts as
   * text.
   */
  static List<Map<String, Object>> records(Instances data) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int r = 0; r < data.numInstances(); r++) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (int a = 0; a < data.numAttributes(); a++) {
        if (a != data.classIndex() && !data.instance(r).isMissing(a)) {
          record.put(
              data.attribute(a).name(),
              data.attribute(a).isNumeric()
                  ? data.instance(r).value(a)
                  : data.instance(r).stringValue(a));
        }
      }
      records.add(record);
    }
    return records;
  }

  /** The same records as JSON, as the decision process receives them. */
  static List<String> jsonRecords(Instances data) {
    return records(data).stream().map(Json::write).toList();
  }
}
