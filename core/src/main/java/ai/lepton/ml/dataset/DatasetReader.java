package ai.lepton.ml.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * Turns the bytes a client sent into Weka {@link Instances}, or a {@link DatasetParseException} a
 * person can act on.
 */
public final class DatasetReader {

  private static final int SNIFF_BYTES = 64 * 1024;

  private DatasetReader() {}

  /**
   * The data, its format, and the rows set aside as malformed (always none for ARFF, which Weka
   * reads whole).
   */
  public record Parsed(DatasetFormat format, Instances instances, List<BadRow> badRows) {}

  /**
   * @param format the format the client declared, or {@code null} to decide from the content
   */
  public static Parsed read(byte[] bytes, DatasetFormat format, String name, ReadLimits limits) {
    checkIsText(bytes);
    int start = startAfterBom(bytes);
    if (isBlank(bytes, start)) {
      throw new DatasetParseException(
          "The dataset is empty: send a CSV with a header row, or an ARFF file");
    }
    DatasetFormat actual =
        format != null
            ? format
            : DatasetFormat.sniff(
                new String(
                    bytes,
                    start,
                    Math.min(SNIFF_BYTES, bytes.length - start),
                    StandardCharsets.UTF_8));
    if (actual == DatasetFormat.ARFF) {
      Instances data = readArff(bytes, start);
      if (data.numInstances() == 0) {
        throw new DatasetParseException("The dataset has attributes but no rows");
      }
      return new Parsed(actual, data, List.of());
    }
    CsvInstancesReader.Result result = CsvInstancesReader.read(bytes, start, name, limits);
    return new Parsed(actual, result.data(), result.badRows());
  }

  /** Reads data that must be whole: any malformed row refuses it. */
  public static Parsed read(byte[] bytes, DatasetFormat format, String name) {
    return read(bytes, format, name, ReadLimits.STRICT);
  }

  public static Parsed read(byte[] bytes, DatasetFormat format) {
    return read(bytes, format, "dataset");
  }

  private static void checkIsText(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new DatasetParseException(
            String.format(
                "The body is not text (a zero byte at offset %d): send CSV or ARFF as UTF-8 text",
                i));
      }
    }
  }

  private static int startAfterBom(byte[] bytes) {
    return bytes.length >= 3
            && bytes[0] == (byte) 0xEF
            && bytes[1] == (byte) 0xBB
            && bytes[2] == (byte) 0xBF
        ? 3
        : 0;
  }

  private static boolean isBlank(byte[] bytes, int start) {
    for (int i = start; i < bytes.length; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  private static Instances readArff(byte[] bytes, int start) {
    try {
      ArffLoader.ArffReader reader =
          new ArffLoader.ArffReader(
              new InputStreamReader(
                  new ByteArrayInputStream(bytes, start, bytes.length - start),
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                      .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)));
      return reader.getData();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new DatasetParseException("The ARFF is not UTF-8 text: save it as UTF-8", e);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new DatasetParseException("The ARFF cannot be read: " + message, e);
    }
  }
}
