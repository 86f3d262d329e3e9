package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the administrator's list of Weka classes in force at start: {@code
 * lepton.algorithms.allowed} replaces {@link AllowedAlgorithms#DEFAULTS}, {@code
 * lepton.algorithms.also-allowed} adds to it (comma-separated class names).
 */
@Component
public class AlgorithmAllowListSettings {

  private static final Logger LOG = LoggerFactory.getLogger(AlgorithmAllowListSettings.class);

  public AlgorithmAllowListSettings(
      @Value("${lepton.algorithms.allowed:}") List<String> allowed,
      @Value("${lepton.algorithms.also-allowed:}") List<String> alsoAllowed) {
    List<String> classes =
        new ArrayList<>(
            allowed.stream().anyMatch(name -> !name.isBlank())
                ? allowed
                : AllowedAlgorithms.DEFAULTS);
    classes.addAll(alsoAllowed);
    AllowedAlgorithms list = new AllowedAlgorithms(classes);
    AllowedAlgorithms.use(list);
    LOG.info(
        "Requirements may name {} Weka classes (lepton.algorithms.allowed / also-allowed)",
        list.classes().size());
  }
}
