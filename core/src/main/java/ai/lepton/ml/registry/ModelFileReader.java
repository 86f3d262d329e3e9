package ai.lepton.ml.registry;

import ai.lepton.ml.Sha256;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model file (Weka's model + header, as {@code SerializationHelper.writeAll} writes them)
 * only when its bytes have the SHA-256 they were registered with, and only through an allow-list of
 * the classes Weka models are made of: Java serialization would otherwise instantiate whatever
 * class a tampered file names.
 */
public final class ModelFileReader {

  /**
   * Weka's own classes, the JDK value and collection types its models hold, the matrix library some
   * of its classifiers use, and the time zone a date attribute's format carries; everything else is
   * rejected before it is instantiated. Limits keep a crafted file from exhausting memory.
   */
  public static final String ALLOWED =
      "maxdepth=500;maxrefs=10000000;maxarray=100000000;"
          + "weka.**;java.lang.*;java.util.*;java.util.concurrent.atomic.*;java.text.*;java.math.*;no.uib.cipr.matrix.**;"
          + "java.io.File;"
          + "sun.util.calendar.ZoneInfo;!*";

  private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(ALLOWED);

  private ModelFileReader() {}

  /**
   * @return the objects in the file, in order (a Weka model file: the classifier, then the header)
   */
  public static List<Object> read(String versionId, byte[] bytes, String expectedSha256) {
    String actual = Sha256.hex(bytes);
    if (!actual.equals(expectedSha256)) {
      throw new ModelIntegrityException(
          String.format(
              "The stored file of model version %s has SHA-256 %s, not the"
                  + " %s it was registered and approved with: it was changed, and is not loaded",
              versionId, actual, expectedSha256));
    }
    List<Object> objects = new ArrayList<>();
    try (ObjectInputStream in = new WekaObjectInput(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(FILTER);
      while (true) {
        try {
          objects.add(in.readObject());
        } catch (EOFException end) {
          return objects;
        }
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new ModelIntegrityException(
          "Model version " + versionId + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Resolves classes through the loader that holds Weka (the app's nested jars), not the JDK's
   * default.
   */
  private static final class WekaObjectInput extends ObjectInputStream {

    WekaObjectInput(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(description.getName(), false, ModelFileReader.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        return super.resolveClass(description);
      }
    }
  }
}
