package ai.lepton.ml.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The attributes of a dataset as Lepton records and shows them: name, Weka type and, for nominal
 * ones, the labels.
 */
public final class DatasetSchema {

  private DatasetSchema() {}

  public static List<Map<String, Object>> of(Instances data) {
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (int i = 0; i < data.numAttributes(); i++) {
      Attribute attribute = data.attribute(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", attribute.name());
      entry.put("type", Attribute.typeToString(attribute));
      if (attribute.isNominal()) {
        List<String> labels = new ArrayList<>();
        for (int v = 0; v < attribute.numValues(); v++) {
          labels.add(attribute.value(v));
        }
        entry.put("labels", labels);
      }
      attributes.add(entry);
    }
    return attributes;
  }
}
