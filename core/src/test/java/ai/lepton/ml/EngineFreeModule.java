package ai.lepton.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What makes a module engine-free, checked the same way wherever a module claims it (the core, the
 * routes): none of its main sources names Camunda, and neither the engine nor the BPMN model API is
 * on its class path, so a class that needs them does not compile there.
 */
public final class EngineFreeModule {

  private static final Path SOURCES = Path.of("src/main/java");

  private EngineFreeModule() {}

  /**
   * @param atLeast how many main sources the module has at least (a wrong directory finds none)
   */
  public static void check(int atLeast) {
    assertThat(SOURCES).isDirectory();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(sources).hasSizeGreaterThan(atLeast);
    List<Path> naming =
        sources.stream()
            .filter(f -> read(f).contains("org.camunda"))
            .map(SOURCES::relativize)
            .toList();
    assertThat(naming).as("main sources that name org.camunda").isEmpty();
    assertThatThrownBy(() -> Class.forName("org.camunda.bpm.engine.ProcessEngine"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.camunda.bpm.model.bpmn.Bpmn"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
