package ai.lepton.ml.training;

import weka.classifiers.Classifier;

/**
 * A Weka classifier named the way Weka names it: a class name and an option string, e.g. {@code
 * weka.classifiers.trees.J48 -C 0.25 -M 2}, so a data scientist can repeat the run in the Weka
 * Explorer.
 */
public record AlgorithmSpec(String className, String options) {

  private static final String CLASSIFIERS_PACKAGE = "weka.classifiers.";

  /** How Weka says a name in the options resolved to no class its catalogue lists. */
  private static final String WEKA_UNRESOLVED = "Can't find a permissible class called:";

  /**
   * Reads one line such as {@code weka.classifiers.bayes.NaiveBayes} or {@code
   * weka.classifiers.trees.J48 -M 5}.
   */
  public static AlgorithmSpec parse(String line) {
    String trimmed = line == null ? "" : line.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidAlgorithmException(
          "An algorithm line is empty: give a Weka class name and its options");
    }
    int space = trimmed.indexOf(' ');
    String className = space < 0 ? trimmed : trimmed.substring(0, space);
    String options = space < 0 ? "" : trimmed.substring(space + 1).strip();
    AlgorithmSpec spec = new AlgorithmSpec(className, options);
    spec.newClassifier(); // fail now, on the form, rather than later in a training job
    return spec;
  }

  /** A fresh, unconfigured-beyond-its-options classifier; every call gives a new instance. */
  public Classifier newClassifier() {
    if (!className.startsWith(CLASSIFIERS_PACKAGE)) {
      throw new InvalidAlgorithmException(
          String.format(
              "'%s' is not a Weka classifier class name (expected e.g. weka.classifiers.trees.J48)",
              className));
    }
    Class<?> type;
    try {
      type = Class.forName(className, false, AlgorithmSpec.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InvalidAlgorithmException(
          String.format("Weka has no classifier named '%s'", className), e);
    }
    if (!Classifier.class.isAssignableFrom(type)) {
      throw new InvalidAlgorithmException(
          String.format("'%s' is a Weka class but not a classifier", className));
    }
    AllowedAlgorithms allowed = AllowedAlgorithms.current();
    allowed.check(className, options); // before anything of the line is instantiated
    WekaCatalogue.narrowTo(allowed); // nested names resolve only to allowed classes
    try {
      return WekaObjects.create(Classifier.class, className, options);
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (reason.startsWith(WEKA_UNRESOLVED)) {
        throw new InvalidAlgorithmException(
            String.format(
                "In the options of %s: %s",
                className,
                AllowedAlgorithms.notAllowed(reason.substring(WEKA_UNRESOLVED.length()).strip())),
            e);
      }
      throw new InvalidAlgorithmException(
          String.format("Weka refuses the options '%s' for %s: %s", options, className, reason), e);
    }
  }

  /** The short name people say: {@code J48}, {@code NaiveBayes}. */
  public String simpleName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  @Override
  public String toString() {
    return options.isEmpty() ? className : className + " " + options;
  }
}
