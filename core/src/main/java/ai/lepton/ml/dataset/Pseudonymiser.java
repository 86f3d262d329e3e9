package ai.lepton.ml.dataset;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Replaces personal data with keyed HMAC-SHA-256 tokens: the same value always gives the same token
 * under the same key (so joins and counts still work), and without the key a token cannot be turned
 * back into the value.
 */
public final class Pseudonymiser {

  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public Pseudonymiser(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("A pseudonymisation key is required");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** {@code p_} and the first 128 bits of HMAC-SHA-256(key, value), in hex. */
  public String token(String value) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return "p_" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
    }
  }

  /** A copy of the data whose named columns hold tokens (as nominal labels) instead of values. */
  public Instances apply(Instances data, Set<String> columns) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    List<Map<Double, Integer>> recode = new ArrayList<>();
    for (int i = 0; i < data.numAttributes(); i++) {
      Attribute attribute = data.attribute(i);
      if (!columns.contains(attribute.name())) {
        attributes.add((Attribute) attribute.copy());
        recode.add(null);
        continue;
      }
      Map<String, Integer> tokens = new LinkedHashMap<>();
      Map<Double, Integer> byValue = new LinkedHashMap<>();
      for (Instance row : data) {
        if (!row.isMissing(i)) {
          String token = token(text(row, attribute));
          byValue.computeIfAbsent(
              row.value(i), v -> tokens.computeIfAbsent(token, t -> tokens.size()));
        }
      }
      attributes.add(new Attribute(attribute.name(), new ArrayList<>(tokens.keySet())));
      recode.add(byValue);
    }
    Instances result = new Instances(data.relationName(), attributes, data.numInstances());
    for (Instance row : data) {
      double[] values = row.toDoubleArray();
      for (int i = 0; i < values.length; i++) {
        if (recode.get(i) != null && !row.isMissing(i)) {
          values[i] = recode.get(i).get(row.value(i));
        }
      }
      result.add(new DenseInstance(row.weight(), values));
    }
    if (data.classIndex() >= 0) {
      result.setClassIndex(data.classIndex());
    }
    return result;
  }

  /** A bad row's fields with the named columns' values replaced by tokens. */
  public List<String> apply(List<String> fields, List<Integer> columnIndexes) {
    List<String> result = new ArrayList<>(fields);
    for (int index : columnIndexes) {
      if (index < result.size()) {
        result.set(index, token(result.get(index)));
      }
    }
    return result;
  }

  private static String text(Instance row, Attribute attribute) {
    return attribute.isNumeric()
        ? Utils.doubleToString(row.value(attribute), 12)
        : row.stringValue(attribute);
  }
}
