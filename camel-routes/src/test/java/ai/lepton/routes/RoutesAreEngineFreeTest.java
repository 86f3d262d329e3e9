package ai.lepton.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The routes depend on Lepton's core, not on the engine: none of their sources names Camunda, and
 * neither the engine nor the BPMN model API is on their class path. What they need of the engine
 * comes through the core's {@code EngagementProcesses}; the delegates and listeners the processes
 * call live in the starter.
 */
class RoutesAreEngineFreeTest {

  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void noMainSourceNamesCamunda() throws IOException {
    assertThat(SOURCES).isDirectory();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    assertThat(sources).hasSizeGreaterThan(20);
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
      throw new UncheckedIOException(e);
    }
  }
}
