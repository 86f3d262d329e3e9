package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import weka.core.Utils;

/**
 * The Weka classes a requirement may name, at the top or anywhere in its options: the learners
 * users expect (trees, functions, bayes, lazy, rules and the meta learners) and the parts their
 * options take (kernels, filters, distance functions, neighbour searches, attribute selection, text
 * tokenizers, stemmers, stop words). Anything that reads a file or loads a model ({@code
 * SerializedClassifier}, {@code InputMappedClassifier}, {@code CostSensitiveClassifier} with its
 * cost file, {@code PrecomputedKernelMatrixKernel}, {@code WordsFromFile}, {@code pmml.*}) is not
 * on it, and the few allowed learners that take a file through one option ({@link #FILE_OPTIONS})
 * are refused that option.
 *
 * <p>The list is enforced where Weka itself resolves names: {@link WekaCatalogue} keeps only these
 * classes in Weka's class discovery for the packages learners come from, so a learner named inside
 * another's options (a {@code -W}, a quoted {@code -K "…"}, a short name) resolves only if it is on
 * the list, however it is spelled.
 */
public final class AllowedAlgorithms {

  /**
   * Lepton's default list; {@code lepton.algorithms.allowed} replaces it, {@code
   * lepton.algorithms.also-allowed} adds.
   */
  public static final List<String> DEFAULTS =
      List.of(
          // trees
          "weka.classifiers.trees.J48",
          "weka.classifiers.trees.RandomForest",
          "weka.classifiers.trees.RandomTree",
          "weka.classifiers.trees.REPTree",
          "weka.classifiers.trees.DecisionStump",
          "weka.classifiers.trees.M5P",
          "weka.classifiers.trees.LMT",
          "weka.classifiers.trees.HoeffdingTree",
          // functions
          "weka.classifiers.functions.Logistic",
          "weka.classifiers.functions.SimpleLogistic",
          "weka.classifiers.functions.LinearRegression",
          "weka.classifiers.functions.SimpleLinearRegression",
          "weka.classifiers.functions.MultilayerPerceptron",
          "weka.classifiers.functions.SMO",
          "weka.classifiers.functions.SMOreg",
          "weka.classifiers.functions.SGD",
          "weka.classifiers.functions.VotedPerceptron",
          // not GaussianProcesses: its trained model holds MTJ matrices Java cannot serialize (Weka
          // 3.8.6), so it
          // cross-validates but can never be stored, approved or deployed
          // bayes
          "weka.classifiers.bayes.NaiveBayes",
          "weka.classifiers.bayes.NaiveBayesUpdateable",
          "weka.classifiers.bayes.NaiveBayesMultinomial",
          "weka.classifiers.bayes.BayesNet",
          // lazy
          "weka.classifiers.lazy.IBk",
          "weka.classifiers.lazy.KStar",
          "weka.classifiers.lazy.LWL",
          // rules
          "weka.classifiers.rules.ZeroR",
          "weka.classifiers.rules.OneR",
          "weka.classifiers.rules.JRip",
          "weka.classifiers.rules.PART",
          "weka.classifiers.rules.DecisionTable",
          "weka.classifiers.rules.M5Rules",
          // meta
          "weka.classifiers.meta.Bagging",
          "weka.classifiers.meta.AdaBoostM1",
          "weka.classifiers.meta.Stacking",
          "weka.classifiers.meta.Vote",
          "weka.classifiers.meta.FilteredClassifier",
          "weka.classifiers.meta.AttributeSelectedClassifier",
          "weka.classifiers.meta.RandomSubSpace",
          "weka.classifiers.meta.RandomCommittee",
          "weka.classifiers.meta.LogitBoost",
          "weka.classifiers.meta.AdditiveRegression",
          "weka.classifiers.meta.ClassificationViaRegression",
          "weka.classifiers.meta.MultiClassClassifier",
          "weka.classifiers.meta.CVParameterSelection",
          // parts options take: kernels, Bayes-net search and estimators
          "weka.classifiers.functions.supportVector.PolyKernel",
          "weka.classifiers.functions.supportVector.NormalizedPolyKernel",
          "weka.classifiers.functions.supportVector.RBFKernel",
          "weka.classifiers.functions.supportVector.Puk",
          "weka.classifiers.functions.supportVector.RegSMOImproved",
          "weka.classifiers.bayes.net.search.local.K2",
          "weka.classifiers.bayes.net.search.local.HillClimber",
          "weka.classifiers.bayes.net.search.local.TAN",
          "weka.classifiers.bayes.net.estimate.SimpleEstimator",
          "weka.classifiers.bayes.net.estimate.BMAEstimator",
          // filters
          "weka.filters.supervised.attribute.Discretize",
          "weka.filters.unsupervised.attribute.Discretize",
          "weka.filters.supervised.attribute.NominalToBinary",
          "weka.filters.unsupervised.attribute.NominalToBinary",
          "weka.filters.unsupervised.attribute.Normalize",
          "weka.filters.unsupervised.attribute.Standardize",
          "weka.filters.unsupervised.attribute.ReplaceMissingValues",
          "weka.filters.unsupervised.attribute.Remove",
          "weka.filters.unsupervised.attribute.PrincipalComponents",
          "weka.filters.unsupervised.attribute.StringToWordVector",
          "weka.filters.AllFilter",
          "weka.filters.MultiFilter",
          // attribute selection
          "weka.attributeSelection.CfsSubsetEval",
          "weka.attributeSelection.InfoGainAttributeEval",
          "weka.attributeSelection.GainRatioAttributeEval",
          "weka.attributeSelection.CorrelationAttributeEval",
          "weka.attributeSelection.ReliefFAttributeEval",
          "weka.attributeSelection.WrapperSubsetEval",
          "weka.attributeSelection.BestFirst",
          "weka.attributeSelection.GreedyStepwise",
          "weka.attributeSelection.Ranker",
          // neighbour search and distances (the distances live in weka.core, outside the guarded
          // packages)
          "weka.core.neighboursearch.LinearNNSearch",
          "weka.core.neighboursearch.KDTree",
          "weka.core.neighboursearch.BallTree",
          "weka.core.neighboursearch.CoverTree",
          // text
          "weka.core.tokenizers.WordTokenizer",
          "weka.core.tokenizers.AlphabeticTokenizer",
          "weka.core.tokenizers.NGramTokenizer",
          "weka.core.stemmers.NullStemmer",
          "weka.core.stemmers.LovinsStemmer",
          "weka.core.stemmers.IteratedLovinsStemmer",
          "weka.core.stopwords.Null",
          "weka.core.stopwords.Rainbow");

  /**
   * Options of allowed learners and filters that read or write a file on the server, refused
   * whatever their value.
   */
  public static final Map<String, Set<String>> FILE_OPTIONS =
      Map.of(
          "weka.classifiers.meta.Vote", Set.of("-P"), // a serialized model to add to the vote
          "weka.classifiers.bayes.BayesNet", Set.of("-B"), // a BIF file to compare with
          "weka.classifiers.functions.MultilayerPerceptron",
              Set.of("-G"), // opens a window on the server
          "weka.filters.unsupervised.attribute.StringToWordVector",
              Set.of("-dictionary", "-binary-dict")); // writes one

  /**
   * Classes that read a file or load a model whatever their options: no configuration may allow
   * them.
   */
  public static final List<String> NEVER =
      List.of(
          "weka.classifiers.misc.SerializedClassifier",
          "weka.classifiers.misc.InputMappedClassifier",
          "weka.classifiers.meta.CostSensitiveClassifier",
          "weka.classifiers.functions.supportVector.PrecomputedKernelMatrixKernel",
          "weka.filters.supervised.attribute.AddClassification",
          "weka.core.stopwords.WordsFromFile",
          "weka.core.stopwords.RegExpFromFile",
          "weka.classifiers.pmml.",
          "weka.core.pmml.");

  private static volatile AllowedAlgorithms current = new AllowedAlgorithms(DEFAULTS);

  private final Set<String> classes;

  public AllowedAlgorithms(Collection<String> classes) {
    this.classes =
        Collections.unmodifiableSet(
            new TreeSet<>(
                classes.stream().map(String::strip).filter(name -> !name.isEmpty()).toList()));
    for (String name : this.classes) {
      if (NEVER.stream()
          .anyMatch(never -> never.endsWith(".") ? name.startsWith(never) : name.equals(never))) {
        throw new IllegalArgumentException(
            name
                + " reads files or loads models on the server and cannot be"
                + " allowed in requirements");
      }
    }
  }

  /** The list in force in this JVM (Weka's class discovery is one per JVM too). */
  public static AllowedAlgorithms current() {
    return current;
  }

  /** Puts a list in force (the application does so at start from its configuration). */
  public static void use(AllowedAlgorithms allowed) {
    current = allowed;
  }

  public Set<String> classes() {
    return classes;
  }

  public boolean allows(String className) {
    return classes.contains(className);
  }

  /**
   * Checks a user's line before anything of it is instantiated: its class on the list, and no
   * file-reading option of it or of a learner nested in its options. (Nested class names are
   * checked by Weka's own resolution against {@link WekaCatalogue}; file options need the line
   * itself.)
   */
  public void check(String className, String options) {
    if (!allows(className)) {
      throw new InvalidAlgorithmException(notAllowed(className));
    }
    checkOptions(className, options);
  }

  /** The message for a class off the list. */
  public static String notAllowed(String name) {
    return String.format(
        "'%s' is not one of the Weka classes Lepton allows in requirements (an administrator"
            + " lists them in lepton.algorithms.allowed / lepton.algorithms.also-allowed; classes that read files or"
            + " load models are never allowed)",
        name);
  }

  private void checkOptions(String owner, String options) {
    String[] tokens;
    try {
      tokens = Utils.splitOptions(options == null ? "" : options);
    } catch (Exception e) {
      throw new InvalidAlgorithmException(
          "The options '" + options + "' cannot be read: " + e.getMessage(), e);
    }
    String context = owner;
    String lastNamed = null;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (token.equals("--")) {
        context = lastNamed; // what follows -- belongs to the learner named by -W
        continue;
      }
      if (isFlag(token)) {
        String resolved = resolve(context);
        if (resolved != null && FILE_OPTIONS.getOrDefault(resolved, Set.of()).contains(token)) {
          throw new InvalidAlgorithmException(
              String.format(
                  "The option %s of %s reads or writes a file on the"
                      + " server; Lepton does not allow it",
                  token, resolved));
        }
        if (token.equals("-W") && i + 1 < tokens.length) {
          lastNamed = tokens[i + 1];
        }
        continue;
      }
      String[] nested = splitQuietly(token);
      if (nested.length > 1) {
        checkOptions(nested[0], String.join(" ", quoteEach(nested, 1)));
      }
    }
  }

  /**
   * A name as Weka would resolve it among the allowed classes: in full, or by the end of its name.
   */
  private String resolve(String name) {
    if (name == null) {
      return null;
    }
    if (classes.contains(name)) {
      return name;
    }
    List<String> matches = new ArrayList<>();
    for (String allowed : classes) {
      if (allowed.endsWith(name)) {
        matches.add(allowed);
      }
    }
    return matches.size() == 1 ? matches.get(0) : null;
  }

  private static boolean isFlag(String token) {
    return token.length() > 1
        && token.charAt(0) == '-'
        && !Character.isDigit(token.charAt(1))
        && token.charAt(1) != '.';
  }

  private static String[] splitQuietly(String token) {
    if (token.strip().indexOf(' ') < 0) {
      return new String[] {token};
    }
    try {
      return Utils.splitOptions(token);
    } catch (Exception e) {
      return new String[] {token};
    }
  }

  private static List<String> quoteEach(String[] parts, int from) {
    List<String> quoted = new ArrayList<>();
    for (int i = from; i < parts.length; i++) {
      quoted.add(Utils.quote(parts[i]));
    }
    return quoted;
  }
}
