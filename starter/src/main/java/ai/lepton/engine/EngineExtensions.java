package ai.lepton.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Camunda's configuration keeps each kind of extension (command interceptors, history handlers,
 * history levels) as a list that may still be null; Lepton's plugins add theirs to whatever is
 * there.
 */
final class EngineExtensions {

  private EngineExtensions() {}

  /** The extensions already configured, and this one last. */
  static <T> List<T> appended(List<? extends T> configured, T added) {
    List<T> all = new ArrayList<>(configured == null ? List.of() : configured);
    all.add(added);
    return all;
  }

  /** This extension first, then those already configured. */
  static <T> List<T> prepended(T added, List<? extends T> configured) {
    List<T> all = new ArrayList<>();
    all.add(added);
    all.addAll(configured == null ? List.of() : configured);
    return all;
  }
}
