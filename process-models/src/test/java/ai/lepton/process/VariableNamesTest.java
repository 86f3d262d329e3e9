package ai.lepton.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every variable a process, a form or an element template names is one of {@link ProcessVariables},
 * and every bean an expression calls is one Lepton provides: a variable renamed in Java and not in
 * the BPMN (or the other way round) fails here instead of leaving a gateway that tests a variable
 * nobody sets.
 */
class VariableNamesTest {

  private static final Path BPMN = Path.of("src/main/resources/bpmn");
  private static final Path FORMS = Path.of("src/main/resources/forms");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** The engine's own names in expressions, not beans. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern NAMED_IN_A_CALL =
      Pattern.compile("\\b(?:get|set|has|remove)Variable(?:Local)?\\(\\s*'([A-Za-z_]\\w*)'");
  private static final Pattern QUOTED =
      Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*([.(\\[])?");
  private static final Set<String> EL_WORDS =
      Set.of(
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "div",
          "mod",
          "instanceof");
  private static final Set<String> FEEL_WORDS =
      Set.of(
          "null",
          "true",
          "false",
          "and",
          "or",
          "not",
          "in",
          "between",
          "some",
          "every",
          "satisfies",
          "if",
          "then",
          "else",
          "for",
          "return",
          "instance",
          "of");
  private static final Set<String> VARIABLE_ATTRIBUTES =
      Set.of(
          "elementVariable",
          "errorCodeVariable",
          "errorMessageVariable",
          "initiator",
          "resultVariable");

  static Stream<Path> processes() throws IOException {
    return Files.list(BPMN).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  static Stream<Path> forms() throws IOException {
    return Files.list(FORMS).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyVariableAProcessNamesIsAProcessVariable(Path file) throws Exception {
    List<String> variables = new ArrayList<>();
    List<String> beans = new ArrayList<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    NodeList elements = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("*");
    for (int i = 0; i < elements.getLength(); i++) {
      Element element = (Element) elements.item(i);
      String name = element.getLocalName();
      if (CAMUNDA.equals(element.getNamespaceURI())
          && (name.equals("inputParameter") || name.equals("outputParameter"))) {
        variables.add(element.getAttribute("name"));
      }
      if (CAMUNDA.equals(element.getNamespaceURI()) && (name.equals("in") || name.equals("out"))) {
        Stream.of("source", "target")
            .map(element::getAttribute)
            .filter(value -> !value.isEmpty())
            .forEach(variables::add);
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int a = 0; a < attributes.getLength(); a++) {
        Node attribute = attributes.item(a);
        String value = attribute.getNodeValue();
        if (VARIABLE_ATTRIBUTES.contains(attribute.getLocalName())
            && CAMUNDA.equals(attribute.getNamespaceURI())) {
          variables.add(value);
        } else if ("delegateExpression".equals(attribute.getLocalName())) {
          beans.add(value.substring(2, value.length() - 1));
        } else {
          expressions(value, variables::add, beans::add);
        }
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child.getNodeType() == Node.TEXT_NODE) {
          expressions(child.getNodeValue(), variables::add, beans::add);
        }
      }
    }
    assertThat(variables)
        .as("%s: variables", file.getFileName())
        .isSubsetOf(ProcessVariables.all());
    assertThat(beans).as("%s: beans", file.getFileName()).isSubsetOf(knownBeans());
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFieldAndPlaceholderOfAFormIsAProcessVariable(Path file) throws IOException {
    List<String> variables = new ArrayList<>();
    formNames(new ObjectMapper().readTree(file.toFile()), variables);
    assertThat(variables).as("%s", file.getFileName()).isSubsetOf(ProcessVariables.all());
  }

  @Test
  void everyVariableAnElementTemplateBindsIsAProcessVariable() {
    for (JsonNode template : ElementTemplates.lepton().all()) {
      List<String> variables = new ArrayList<>();
      List<String> beans = new ArrayList<>();
      for (JsonNode property : template.path("properties")) {
        JsonNode binding = property.path("binding");
        String value = property.path("value").asText("");
        switch (binding.path("type").asText()) {
          case "camunda:inputParameter" -> variables.add(binding.path("name").asText());
          case "camunda:in" -> variables.add(binding.path("target").asText());
          case "camunda:out", "camunda:outputParameter" -> {
            if (!value.isEmpty() && !value.startsWith("${")) {
              variables.add(value);
            }
            String source = binding.path("source").asText("");
            if (!source.isEmpty() && !source.startsWith("${")) {
              variables.add(source);
            }
          }
          case "property" -> {
            if (binding.path("name").asText().equals("camunda:delegateExpression")) {
              beans.add(value.substring(2, value.length() - 1));
              continue;
            }
          }
          default -> {}
        }
        expressions(value, variables::add, beans::add);
        expressions(binding.path("source").asText(""), variables::add, beans::add);
      }
      assertThat(variables)
          .as("%s", template.path("id").asText())
          .isSubsetOf(ProcessVariables.all());
      assertThat(beans).as("%s: beans", template.path("id").asText()).isSubsetOf(knownBeans());
    }
  }

  @Test
  void aMisspeltVariableIsCaught() {
    List<String> variables = new ArrayList<>();
    expressions("${maintenanceVerdikt == 'OK' && audit.ok(execution)}", variables::add, name -> {});
    assertThat(variables).containsExactly("maintenanceVerdikt");
    assertThat(ProcessVariables.all())
        .doesNotContain("maintenanceVerdikt")
        .contains("maintenanceVerdict");
  }

  private static Set<String> knownBeans() {
    Set<String> beans = new java.util.HashSet<>(ProcessBeans.ALL);
    beans.addAll(ENGINE_NAMES);
    return beans;
  }

  /** The variables and beans the expressions in a text name. */
  static void expressions(
      String text,
      java.util.function.Consumer<String> variables,
      java.util.function.Consumer<String> beans) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = expression.group(1);
      Matcher named = NAMED_IN_A_CALL.matcher(body);
      while (named.find()) {
        variables.accept(named.group(1));
      }
      Matcher identifier = IDENTIFIER.matcher(QUOTED.matcher(body).replaceAll("''"));
      while (identifier.find()) {
        if (identifier.group(2) != null) {
          beans.accept(identifier.group(1));
        } else if (!EL_WORDS.contains(identifier.group(1))
            && !ENGINE_NAMES.contains(identifier.group(1))) {
          variables.accept(identifier.group(1));
        }
      }
    }
  }

  private static void formNames(JsonNode node, List<String> variables) {
    if (node.isObject()) {
      if (node.path("key").isTextual()) {
        variables.add(node.path("key").asText());
      }
      if (node.path("text").isTextual()) {
        Matcher placeholder =
            Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)").matcher(node.path("text").asText());
        while (placeholder.find()) {
          variables.add(placeholder.group(1));
        }
      }
      JsonNode hide = node.path("conditional").path("hide");
      if (hide.isTextual()) {
        Matcher word =
            Pattern.compile("\\b[A-Za-z_]\\w*\\b")
                .matcher(QUOTED.matcher(hide.asText().replaceFirst("^=", "")).replaceAll(""));
        while (word.find()) {
          if (!FEEL_WORDS.contains(word.group())) {
            variables.add(word.group());
          }
        }
      }
    }
    node.forEach(child -> formNames(child, variables));
  }
}
