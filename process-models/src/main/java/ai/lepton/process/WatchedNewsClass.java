package ai.lepton.process;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The class of a news model that news monitoring watches for: the label {@code negative}, {@code 1}
 * or {@code yes} (in that order, any case). The news-monitoring rules read its probability; a risk
 * analyst's confirmation records it as the outcome.
 */
public final class WatchedNewsClass {

  /** The labels that name the watched class, the first found winning. */
  public static final List<String> LABELS = List.of("negative", "1", "yes");

  private WatchedNewsClass() {}

  /**
   * The model's label for the watched class, as the model spells it; empty when it has none of
   * them.
   */
  public static Optional<String> among(Collection<String> labels) {
    return LABELS.stream()
        .flatMap(name -> labels.stream().filter(name::equalsIgnoreCase))
        .findFirst();
  }
}
