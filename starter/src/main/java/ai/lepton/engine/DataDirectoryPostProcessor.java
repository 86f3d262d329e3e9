package ai.lepton.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates Lepton's data directory and points Weka's home inside it before any Weka class loads, so
 * Weka never writes {@code ~/wekafiles} and everything Lepton keeps lives under one folder.
 */
public class DataDirectoryPostProcessor implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Path dataDir =
        Path.of(environment.getProperty("lepton.data-dir", "./data")).toAbsolutePath().normalize();
    Path wekaHome = dataDir.resolve("wekafiles");
    try {
      Files.createDirectories(wekaHome);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Lepton's data directory " + dataDir, e);
    }
    if (System.getenv("WEKA_HOME") == null) {
      System.setProperty("WEKA_HOME", wekaHome.toString());
    }
  }
}
