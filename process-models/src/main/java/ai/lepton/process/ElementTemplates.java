package ai.lepton.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;

/**
 * Lepton's Camunda Modeler element templates ({@code element-templates/*.json} in this module) and
 * the check that a BPMN model uses them as they say: an element drawn with a template has what the
 * template fixes (its delegate, the process it calls) and every field the template requires, with a
 * value its constraint accepts; and an element that calls one of those delegates or processes is
 * drawn with its template, so a designer sees the same fields everywhere.
 */
public final class ElementTemplates {

  /** The template files, as this module ships them and the application serves them. */
  public static final List<String> FILES =
      List.of(
          "model-decision.json",
          "score-record.json",
          "apply-rules.json",
          "log-decision.json",
          "send-retention-action.json",
          "forecast-demand.json",
          "send-dataset.json");

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> templates;

  private ElementTemplates(List<JsonNode> templates) {
    this.templates = templates;
  }

  /** Lepton's templates from the class path. */
  public static ElementTemplates lepton() {
    List<JsonNode> all = new ArrayList<>();
    for (String file : FILES) {
      try (InputStream in =
          ElementTemplates.class.getResourceAsStream("/element-templates/" + file)) {
        if (in == null) {
          throw new IllegalStateException(
              "element-templates/" + file + " is missing from the class path");
        }
        JSON.readTree(in).forEach(all::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ElementTemplates(List.copyOf(all));
  }

  /** Every template, as one JSON array (a file Camunda Modeler reads). */
  public List<JsonNode> all() {
    return templates;
  }

  public Optional<JsonNode> byId(String id) {
    return templates.stream().filter(t -> t.path("id").asText().equals(id)).findFirst();
  }

  /**
   * What is wrong in the model's use of the templates, one sentence per problem naming the element;
   * empty if none.
   */
  public List<String> problems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String templateId = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
      if (templateId != null) {
        Optional<JsonNode> template = byId(templateId);
        if (template.isEmpty()) {
          problems.add(
              element.getId() + " names template " + templateId + ", which Lepton does not have");
        } else {
          checkAgainst(element, template.get(), problems);
        }
      }
      for (JsonNode template : templates) {
        if (!template.path("id").asText().equals(templateId)
            && fixedPropertiesMatch(element, template)) {
          problems.add(
              element.getId()
                  + " is what template "
                  + template.path("id").asText()
                  + " makes but is not drawn with it (camunda:modelerTemplate)");
        }
      }
    }
    return problems;
  }

  private void checkAgainst(BaseElement element, JsonNode template, List<String> problems) {
    String id = element.getId();
    String typeName = element.getElementType().getTypeName();
    String type = "bpmn:" + Character.toUpperCase(typeName.charAt(0)) + typeName.substring(1);
    if (!contains(template.path("appliesTo"), type)) {
      problems.add(
          id
              + " is a "
              + type
              + "; template "
              + template.path("id").asText()
              + " applies to "
              + template.path("appliesTo"));
    }
    String version = element.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion");
    if (version != null && !version.equals(template.path("version").asText())) {
      problems.add(
          id
              + " was drawn with version "
              + version
              + " of "
              + template.path("id").asText()
              + "; the template is at version "
              + template.path("version").asText());
    }
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      Optional<String> value = bound(element, binding);
      String label = property.path("label").asText(binding.toString());
      if (property.path("type").asText().equals("Hidden")) {
        if (!value.equals(Optional.of(property.path("value").asText()))) {
          problems.add(
              id
                  + ": "
                  + describe(binding)
                  + " must be "
                  + property.path("value").asText()
                  + " (template "
                  + template.path("id").asText()
                  + "), not "
                  + value.orElse("absent"));
        }
        continue;
      }
      boolean required =
          property.path("constraints").path("notEmpty").asBoolean(false)
              || (!property.path("optional").asBoolean(false)
                  && property.path("type").asText().equals("Dropdown"));
      if (value.isEmpty() || value.get().isBlank()) {
        if (required) {
          problems.add(
              id
                  + ": '"
                  + label
                  + "' ("
                  + describe(binding)
                  + ") is required by template "
                  + template.path("id").asText());
        }
        continue;
      }
      JsonNode pattern = property.path("constraints").path("pattern");
      String patternText =
          pattern.isTextual() ? pattern.asText() : pattern.path("value").asText(null);
      if (patternText != null && !Pattern.compile(patternText).matcher(value.get()).matches()) {
        problems.add(
            id
                + ": '"
                + label
                + "' is '"
                + value.get()
                + "', which template "
                + template.path("id").asText()
                + " does not accept ("
                + pattern.path("message").asText(patternText)
                + ")");
      }
      if (property.path("type").asText().equals("Dropdown") && !value.get().contains("${")) {
        boolean known = false;
        for (JsonNode choice : property.path("choices")) {
          known |= choice.path("value").asText().equals(value.get());
        }
        if (!known) {
          problems.add(
              id + ": '" + label + "' is '" + value.get() + "', not one of the template's choices");
        }
      }
    }
  }

  /**
   * Whether the element has every value the template fixes (its Hidden properties): it is what the
   * template makes.
   */
  private static boolean fixedPropertiesMatch(BaseElement element, JsonNode template) {
    boolean any = false;
    for (JsonNode property : template.path("properties")) {
      if (property.path("type").asText().equals("Hidden")
          && property.path("binding").path("type").asText().equals("property")
          && !property.path("binding").path("name").asText().equals("camunda:asyncBefore")) {
        any = true;
        if (!bound(element, property.path("binding"))
            .equals(Optional.of(property.path("value").asText()))) {
          return false;
        }
      }
    }
    return any;
  }

  /** The value a binding points at in the element, if the element has it. */
  private static Optional<String> bound(BaseElement element, JsonNode binding) {
    String name = binding.path("name").asText();
    return switch (binding.path("type").asText()) {
      case "property" ->
          Optional.ofNullable(
              name.startsWith("camunda:")
                  ? element.getAttributeValueNs(CAMUNDA, name.substring("camunda:".length()))
                  : element.getAttributeValue(name));
      case "camunda:inputParameter" ->
          first(
              element,
              CamundaInputOutput.class,
              io ->
                  io.getCamundaInputParameters().stream()
                      .filter(p -> p.getCamundaName().equals(name))
                      .map(CamundaInputParameter::getTextContent));
      case "camunda:outputParameter" ->
          first(
              element,
              CamundaInputOutput.class,
              io ->
                  io.getCamundaOutputParameters().stream()
                      .filter(
                          p -> p.getTextContent().trim().equals(binding.path("source").asText()))
                      .map(CamundaOutputParameter::getCamundaName));
      case "camunda:in" ->
          extensions(element, CamundaIn.class).stream()
              .filter(in -> binding.path("target").asText().equals(in.getCamundaTarget()))
              .map(
                  in ->
                      binding.path("expression").asBoolean(false)
                          ? in.getCamundaSourceExpression()
                          : in.getCamundaSource())
              .filter(v -> v != null)
              .findFirst();
      case "camunda:out" ->
          extensions(element, CamundaOut.class).stream()
              .filter(out -> binding.path("source").asText().equals(out.getCamundaSource()))
              .map(CamundaOut::getCamundaTarget)
              .findFirst();
      default -> Optional.empty();
    };
  }

  private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance>
      List<T> extensions(BaseElement element, Class<T> type) {
    ExtensionElements extensions = element.getExtensionElements();
    return extensions == null ? List.of() : extensions.getElementsQuery().filterByType(type).list();
  }

  private static Optional<String> first(
      BaseElement element,
      Class<CamundaInputOutput> type,
      java.util.function.Function<CamundaInputOutput, java.util.stream.Stream<String>> values) {
    return extensions(element, type).stream().flatMap(values).map(String::trim).findFirst();
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(JsonNode binding) {
    Map<String, String> kinds =
        Map.of(
            "property",
            "attribute",
            "camunda:inputParameter",
            "input parameter",
            "camunda:outputParameter",
            "output parameter",
            "camunda:in",
            "call input",
            "camunda:out",
            "call output");
    String key =
        binding.path("name").asText(binding.path("target").asText(binding.path("source").asText()));
    return kinds.getOrDefault(binding.path("type").asText(), binding.path("type").asText())
        + " "
        + key;
  }
}
