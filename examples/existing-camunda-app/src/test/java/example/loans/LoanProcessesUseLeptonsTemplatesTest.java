package example.loans;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.process.ElementTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bank's processes use Lepton's element templates as the templates say (the check Lepton's own
 * BPMN passes).
 */
class LoanProcessesUseLeptonsTemplatesTest {

  static Stream<Path> processes() throws IOException {
    return Files.list(Path.of("src/main/resources/bpmn"))
        .filter(p -> p.toString().endsWith(".bpmn"))
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("processes")
  void drawnWithTheTemplatesAndEveryRequiredFieldFilled(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      assertThat(ElementTemplates.lepton().problems(Bpmn.readModelFromStream(in))).isEmpty();
    }
  }
}
