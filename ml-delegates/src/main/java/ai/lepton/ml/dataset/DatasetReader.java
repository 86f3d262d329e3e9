package ai.lepton.ml.dataset;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/** Turns the bytes a client sent into Weka {@link Instances}, or a {@link DatasetParseException} a person can act on. */
public final class DatasetReader {

  private DatasetReader() {}

  public record Parsed(DatasetFormat format, Instances instances) {}

  /**
   * @param format the format the client declared, or {@code null} to decide from the content
   */
  public static Parsed read(byte[] bytes, DatasetFormat format, String name) {
    String text = decode(bytes);
    if (text.isBlank()) {
      throw new DatasetParseException("The dataset is empty: send a CSV with a header row, or an ARFF file");
    }
    DatasetFormat actual = format != null ? format : DatasetFormat.sniff(text);
    Instances instances = actual == DatasetFormat.ARFF ? readArff(text) : CsvInstancesReader.read(text, name);
    if (instances.numInstances() == 0) {
      throw new DatasetParseException("The dataset has attributes but no rows");
    }
    return new Parsed(actual, instances);
  }

  public static Parsed read(byte[] bytes, DatasetFormat format) {
    return read(bytes, format, "dataset");
  }

  private static String decode(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new DatasetParseException(String.format(
            "The body is not text (a zero byte at offset %d): send CSV or ARFF as UTF-8 text", i));
      }
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new DatasetParseException("The body is not UTF-8 text: send CSV or ARFF encoded as UTF-8", e);
    }
  }

  private static Instances readArff(String text) {
    try {
      ArffLoader.ArffReader reader = new ArffLoader.ArffReader(new StringReader(text));
      return reader.getData();
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new DatasetParseException("The ARFF cannot be read: " + message, e);
    }
  }
}
