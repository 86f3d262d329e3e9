package ai.lepton.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core is Lepton without the process engine: none of its sources names Camunda, and neither the
 * engine nor the BPMN model API is on its class path, so a class that needs them does not compile
 * here. The adapters over it live in ml-delegates.
 */
class CoreIsEngineFreeTest {

  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void noMainSourceNamesCamunda() throws IOException {
    assertThat(SOURCES).isDirectory();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    assertThat(sources).hasSizeGreaterThan(100);
    List<Path> naming =
        sources.stream()
            .filter(f -> read(f).contains("org.camunda"))
            .map(SOURCES::relativize)
            .toList();
    assertThat(naming).as("main sources that name org.camunda").isEmpty();
  }

  @Test
  void neitherTheEngineNorTheBpmnModelIsOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("org.camunda.bpm.engine.ProcessEngine"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.camunda.bpm.model.bpmn.Bpmn"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
