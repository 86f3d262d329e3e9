package ai.lepton.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Every bean Lepton's processes call by name is there, under that name, with what they call on it:
 * running instances of every deployed version evaluate these expressions, so a bean that moved or
 * was renamed must keep the name and the method. The beans of the core and of these adapters are
 * found as the starter finds them (component scan); the few declared in other modules are named
 * here.
 */
class ProcessBeansTest {

  /** Beans the processes call that rules, camel-routes and the starter declare. */
  private static final Set<String> DECLARED_ELSEWHERE =
      Set.of(
          "applyRules",
          "analyseRuleImpact",
          "recordRuleChangeDecision",
          "activateRuleSetVersion",
          "newsItems",
          "recordNewsDecision",
          "recordNewsReview",
          "sendRetentionAction");

  /** The engine's own names in expressions, not beans. */
  private static final Set<String> ENGINE = Set.of("execution", "task");

  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  private static final Pattern CALL = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)\\(([^()]*)\\)}");
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)}");

  @Test
  void everyBeanTheProcessesNameIsDeclaredWithWhatTheyCallOnIt() throws IOException {
    Map<String, Class<?>> beans = beans("ai.lepton.ml", "ai.lepton.processes");
    Resource[] models =
        new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
    assertThat(models).hasSizeGreaterThanOrEqualTo(7);
    List<String> problems = new ArrayList<>();
    Set<String> checked = new TreeSet<>();
    for (Resource model : models) {
      String xml = model.getContentAsString(StandardCharsets.UTF_8);
      String file = model.getFilename();
      Matcher delegate = DELEGATE.matcher(xml);
      while (delegate.find()) {
        String name = delegate.group(1);
        if (!beans.containsKey(name) && !DECLARED_ELSEWHERE.contains(name)) {
          problems.add(file + ": no bean '" + name + "'");
        }
        checked.add(name);
      }
      Matcher call = CALL.matcher(xml);
      while (call.find()) {
        String name = call.group(1);
        if (ENGINE.contains(name)) {
          continue;
        }
        int arguments = call.group(3).isBlank() ? 0 : call.group(3).split(",").length;
        Class<?> bean = beans.get(name);
        if (bean == null && !DECLARED_ELSEWHERE.contains(name)) {
          problems.add(file + ": no bean '" + name + "' for " + call.group());
        } else if (bean != null && !hasMethod(bean, call.group(2), arguments)) {
          problems.add(
              file + ": " + bean.getName() + " (bean '" + name + "') cannot do " + call.group());
        }
        checked.add(name + "." + call.group(2));
      }
      Matcher property = PROPERTY.matcher(xml);
      while (property.find()) {
        String name = property.group(1);
        if (ENGINE.contains(name)) {
          continue;
        }
        Class<?> bean = beans.get(name);
        if (bean == null && !DECLARED_ELSEWHERE.contains(name)) {
          problems.add(file + ": no bean '" + name + "' for " + property.group());
        } else if (bean != null && !hasProperty(bean, property.group(2))) {
          problems.add(
              file
                  + ": "
                  + bean.getName()
                  + " (bean '"
                  + name
                  + "') has no property for "
                  + property.group());
        }
        checked.add(name + "." + property.group(2));
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked)
        .contains(
            "requirementsRecord.algorithms",
            "requirementsRecord.restore",
            "policyVerdicts.record",
            "audit.engagementOpened",
            "monitoringSchedule.cycle",
            "scoreRecord",
            "forecastDemand",
            "recordOfficerDecision",
            "recordAccountManagerAction");
  }

  /** The component beans under these packages by name, as a component scan names them. */
  private static Map<String, Class<?>> beans(String... packages) {
    ClassPathScanningCandidateComponentProvider scan =
        new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Map<String, Class<?>> beans = new HashMap<>();
    for (String base : packages) {
      for (BeanDefinition definition : scan.findCandidateComponents(base)) {
        String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry);
        Class<?> type;
        try {
          type = Class.forName(definition.getBeanClassName());
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
        Class<?> earlier = beans.put(name, type);
        assertThat(earlier).as("two beans named '%s'", name).isNull();
      }
    }
    return beans;
  }

  private static boolean hasMethod(Class<?> type, String name, int arguments) {
    return Arrays.stream(type.getMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()))
        .map(Method.class::cast)
        .anyMatch(
            method -> method.getName().equals(name) && method.getParameterCount() == arguments);
  }

  private static boolean hasProperty(Class<?> type, String name) {
    try {
      return Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
          .filter(property -> property.getReadMethod() != null)
          .map(PropertyDescriptor::getName)
          .anyMatch(name::equals);
    } catch (IntrospectionException e) {
      throw new IllegalStateException(e);
    }
  }
}
