package ai.lepton.ml.training;

import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * Creates Weka classifiers and filters by class name and option string. Weka's own {@code Utils.forName} checks
 * names against the GenericObjectEditor's class discovery, which finds nothing inside a Spring Boot fat jar, so
 * Lepton loads the class itself and hands the options to Weka.
 */
final class WekaObjects {

  private WekaObjects() {}

  static <T> T create(Class<T> type, String className, String options) throws Exception {
    Class<?> loaded = Class.forName(className, true, WekaObjects.class.getClassLoader());
    if (!type.isAssignableFrom(loaded)) {
      throw new IllegalArgumentException(className + " is not a " + type.getSimpleName());
    }
    Object instance = loaded.getDeclaredConstructor().newInstance();
    String[] optionArray = Utils.splitOptions(options == null ? "" : options);
    if (instance instanceof OptionHandler handler) {
      handler.setOptions(optionArray);
    }
    String leftOver = Utils.joinOptions(optionArray).strip();
    if (!leftOver.isEmpty()) {
      throw new IllegalArgumentException("options Weka does not know: " + leftOver);
    }
    return type.cast(instance);
  }
}
