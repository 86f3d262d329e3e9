package ai.lepton;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.process.ProcessBeans;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Every bean Lepton's processes call by name is declared, under that name, with what they call on
 * it: running instances of every deployed version evaluate these expressions, so a bean that moved
 * or was renamed must keep the name and the method. The names are the processes' vocabulary ({@link
 * ProcessBeans}); the beans are found as a host application finds them, by a component scan of
 * every Lepton module and the starter's auto-configurations' bean methods.
 */
class ProcessBeansTest {

  /** The engine's own names in expressions, not beans. */
  private static final Set<String> ENGINE = Set.of("execution", "task");

  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  private static final Pattern CALL = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)\\(([^()]*)\\)}");
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)}");

  @Test
  void everyNameOfTheVocabularyIsABeanOfThatName() {
    Map<String, Class<?>> beans = beans();
    assertThat(beans.keySet()).containsAll(ProcessBeans.ALL);
  }

  @Test
  void everyBeanTheProcessesNameIsDeclaredWithWhatTheyCallOnIt() throws IOException {
    Map<String, Class<?>> beans = beans();
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
        if (!ProcessBeans.ALL.contains(name)) {
          problems.add(file + ": '" + name + "' is not in ProcessBeans");
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
        if (bean == null || !ProcessBeans.ALL.contains(name)) {
          problems.add(file + ": no bean '" + name + "' in ProcessBeans for " + call.group());
        } else if (!hasMethod(bean, call.group(2), arguments)) {
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
        if (bean == null || !ProcessBeans.ALL.contains(name)) {
          problems.add(file + ": no bean '" + name + "' in ProcessBeans for " + property.group());
        } else if (!hasProperty(bean, property.group(2))) {
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

  /**
   * Lepton's beans by name: the components of every module as a component scan names them, and the
   * beans the starter's auto-configurations declare by method.
   */
  private static Map<String, Class<?>> beans() {
    ClassPathScanningCandidateComponentProvider scan =
        new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Map<String, Class<?>> beans = new HashMap<>();
    for (BeanDefinition definition : scan.findCandidateComponents("ai.lepton")) {
      String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry);
      Class<?> type = load(definition.getBeanClassName());
      Class<?> earlier = beans.put(name, type);
      assertThat(earlier).as("two beans named '%s'", name).isNull();
      for (Method method : type.getDeclaredMethods()) {
        Bean bean = method.getAnnotation(Bean.class);
        if (bean != null) {
          String declared =
              bean.value().length > 0
                  ? bean.value()[0]
                  : bean.name().length > 0 ? bean.name()[0] : method.getName();
          beans.put(declared, method.getReturnType());
        }
      }
    }
    return beans;
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
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
