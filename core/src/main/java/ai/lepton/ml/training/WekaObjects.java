package ai.lepton.ml.training;

import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * Creates Weka classifiers and filters by their full class name and option string, and refuses
 * options Weka left unread. The top-level class is loaded by name (a user's line names it in full);
 * learners named inside the options are resolved by Weka itself, through its class discovery, which
 * needs the Weka jar as a file (the packaged application unpacks it at start: see {@code
 * app/pom.xml}).
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
