package ai.lepton.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The real datasets tests read, loaded one way: German credit from the Weka jar, the others from
 * the test resources' {@code data/} (provenance in its NOTICE).
 */
public final class RealData {

  private static final String CREDIT_G = "weka/gui/knowledgeflow/templates/credit-g.arff";

  private RealData() {}

  /** German credit (1,000 applicants), its class {@code class} (good / bad) set. */
  public static Instances creditG() {
    Instances data = load(CREDIT_G);
    data.setClass(data.attribute("class"));
    return data;
  }

  /** German credit's ARFF as the Weka jar ships it. */
  public static byte[] creditGBytes() {
    return bytes(CREDIT_G);
  }

  /**
   * An ARFF of the test resources' {@code data/} ({@code wine}, {@code seatbelts}, {@code
   * diabetes}), no class set.
   */
  public static Instances arff(String name) {
    return load("data/" + name + ".arff");
  }

  private static Instances load(String resource) {
    try (InputStream in = stream(resource)) {
      return new DataSource(in).getDataSet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = stream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String resource) {
    InputStream in = RealData.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the test class path");
    }
    return in;
  }
}
