package ai.lepton.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ElementTemplatesTest {

  private final ElementTemplates templates = ElementTemplates.lepton();

  static Stream<Path> processes() throws IOException {
    return Files.list(Path.of("src/main/resources/bpmn"))
        .filter(p -> p.toString().endsWith(".bpmn"))
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("processes")
  void leptonsOwnProcessesUseTheTemplatesAsTheySay(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      assertThat(templates.problems(Bpmn.readModelFromStream(in))).isEmpty();
    }
  }

  @Test
  void everyFileIsShippedAndEveryTemplateHasAnIdAVersionAndADescription() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/element-templates"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyInAnyOrderElementsOf(ElementTemplates.FILES);
    }
    assertThat(templates.all())
        .hasSize(ElementTemplates.FILES.size())
        .allSatisfy(
            t -> {
              assertThat(t.path("id").asText()).startsWith("ai.lepton.");
              assertThat(t.path("version").asInt()).isPositive();
              assertThat(t.path("description").asText()).hasSizeGreaterThan(40);
            });
  }

  @Test
  void aTaskThatCallsALeptonDelegateWithoutItsTemplateIsNamed() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("Task_Score")
            .camundaDelegateExpression("${scoreRecord}")
            .endEvent()
            .done();
    assertThat(templates.problems(model))
        .containsExactly(
            "Task_Score is what template ai.lepton.score-record makes but is not drawn with it (camunda:modelerTemplate)");
  }

  @Test
  void aTemplatedElementMissingARequiredFieldOrWithAWrongValueIsNamed() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .callActivity("Task_Decide")
            .calledElement("model-decision")
            .camundaIn("features", "features")
            .endEvent()
            .done();
    model
        .getModelElementById("Task_Decide")
        .setAttributeValueNs(
            "http://camunda.org/schema/1.0/bpmn", "modelerTemplate", "ai.lepton.model-decision");
    assertThat(templates.problems(model))
        .contains(
            "Task_Decide: 'Model name' (call input modelName) is required by template ai.lepton.model-decision",
            "Task_Decide: 'Decision into' (call output decision) is required by template ai.lepton.model-decision");

    BpmnModelInstance wrong =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("Task_Rules")
            .camundaDelegateExpression("${scoreRecord}")
            .camundaInputParameter("ruleSet", "credit-decisions")
            .endEvent()
            .done();
    ServiceTask task = wrong.getModelElementById("Task_Rules");
    task.setAttributeValueNs(
        "http://camunda.org/schema/1.0/bpmn", "modelerTemplate", "ai.lepton.apply-rules");
    assertThat(templates.problems(wrong))
        .contains(
            "Task_Rules: attribute camunda:delegateExpression must be ${applyRules} (template ai.lepton.apply-rules),"
                + " not ${scoreRecord}",
            "Task_Rules: 'Rule set' is 'credit-decisions', not one of the template's choices");
  }
}
