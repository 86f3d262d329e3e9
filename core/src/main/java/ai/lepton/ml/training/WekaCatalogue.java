package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import weka.core.ClassCache;
import weka.core.ClassDiscovery;

/**
 * Weka's class discovery, narrowed to Lepton's allow-list. Weka resolves every learner, kernel,
 * filter or search named inside another's options through this catalogue (by full name or by the
 * end of it, as in the Explorer); in the packages such parts come from ({@link #GUARDED}) it now
 * lists only the allowed classes, so a name off the list resolves to nothing, whatever its spelling
 * or nesting. Weka keeps one catalogue per JVM, so this does too; it is narrowed again whenever
 * Weka rebuilt it.
 */
final class WekaCatalogue extends ClassDiscovery {

  /** Packages whose classes Weka can be asked to instantiate from an option string. */
  static final List<String> GUARDED =
      List.of(
          "weka.classifiers.",
          "weka.filters.",
          "weka.attributeSelection.",
          "weka.core.neighboursearch.",
          "weka.core.stopwords.",
          "weka.core.stemmers.",
          "weka.core.tokenizers.",
          "weka.core.pmml.",
          "weka.estimators.",
          "weka.clusterers.",
          "weka.associations.",
          "weka.datagenerators.");

  /** Weka's switch that makes option strings load any class by name, bypassing discovery. */
  private static final String BY_NAME_SWITCH = "weka.test.maventest";

  private static ClassCache narrowed;
  private static AllowedAlgorithms narrowedTo;

  private WekaCatalogue() {}

  /** Narrows Weka's catalogue to the list in force, unless it already is. */
  static synchronized void narrowTo(AllowedAlgorithms allowed) {
    if (System.getProperty(BY_NAME_SWITCH) != null) {
      System.clearProperty(BY_NAME_SWITCH);
    }
    initCache();
    if (m_ClassCache == narrowed && allowed == narrowedTo) {
      return;
    }
    if (narrowedTo != null && allowed != narrowedTo) {
      m_ClassCache = new ClassCache(); // a changed list starts again from everything Weka can see
    }
    List<String> offList = new ArrayList<>();
    for (String pkg : Collections.list(m_ClassCache.packages())) {
      for (String name : m_ClassCache.getClassnames(pkg)) {
        if (guarded(name) && !allowed.allows(name)) {
          offList.add(name);
        }
      }
    }
    offList.forEach(m_ClassCache::remove);
    clearCache();
    narrowed = m_ClassCache;
    narrowedTo = allowed;
  }

  private static boolean guarded(String className) {
    for (String prefix : GUARDED) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
