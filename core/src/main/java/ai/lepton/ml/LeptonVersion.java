package ai.lepton.ml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Lepton that is running, as Maven built it (recorded with every training run). */
public final class LeptonVersion {

  public static final String VERSION = read();

  private LeptonVersion() {}

  private static String read() {
    try (InputStream in = LeptonVersion.class.getResourceAsStream("/lepton-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
