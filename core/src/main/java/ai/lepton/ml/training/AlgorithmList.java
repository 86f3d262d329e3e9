package ai.lepton.ml.training;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The {@code algorithms} process variable: one Weka algorithm per line. BPMN's multi-instance
 * training reads it through this bean ({@code
 * camunda:collection="${algorithmList.lines(algorithms)}"}), so the variable stays plain text that
 * the requirements form and the review form can edit.
 */
@Component("algorithmList")
public class AlgorithmList {

  public List<String> lines(Object algorithms) {
    return parse(algorithms).stream().map(AlgorithmSpec::toString).toList();
  }

  public static List<AlgorithmSpec> parse(Object algorithms) {
    if (algorithms == null) {
      throw new InvalidAlgorithmException(
          "No algorithms given: list at least one Weka class name, one per line");
    }
    List<String> raw = new ArrayList<>();
    if (algorithms instanceof Iterable<?> items) {
      items.forEach(item -> raw.add(String.valueOf(item)));
    } else {
      raw.addAll(List.of(algorithms.toString().split("\\r?\\n")));
    }
    List<AlgorithmSpec> specs = new ArrayList<>();
    for (String line : raw) {
      if (!line.isBlank()) {
        specs.add(AlgorithmSpec.parse(line));
      }
    }
    if (specs.isEmpty()) {
      throw new InvalidAlgorithmException(
          "No algorithms given: list at least one Weka class name, one per line");
    }
    return specs;
  }
}
