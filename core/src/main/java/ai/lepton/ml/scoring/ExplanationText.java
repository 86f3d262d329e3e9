package ai.lepton.ml.scoring;

import ai.lepton.ml.Json;
import ai.lepton.process.ProcessBeans;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * An explanation (the JSON {@code explanation} variable) as lines a person reads in a task form,
 * e.g. {@code tenure = 2 (typical 32.37): raised the probability by 0.22}, or for a text {@code the
 * word 'wheat' (3 times in Text): raised the prediction's probability by 0.41}. Processes call it
 * in expressions: {@code ${explanations.summary(explanation)}}.
 */
@Component(ProcessBeans.EXPLANATIONS)
public class ExplanationText {

  public String summary(Object explanation) {
    if (explanation == null || explanation.toString().isBlank()) {
      return "no explanation: no model answered, or its training data could not be read";
    }
    List<Map<String, Object>> effects = Json.readList(explanation.toString());
    if (effects.isEmpty()) {
      return "no single attribute changed the prediction when set to its typical value";
    }
    return effects.stream().map(ExplanationText::line).collect(Collectors.joining("\n"));
  }

  private static String line(Map<String, Object> effect) {
    double change = ((Number) effect.get("effect")).doubleValue();
    if (effect.get("word") != null) {
      boolean alone = "alone".equals(effect.get("measure"));
      return String.format(
          Locale.ROOT,
          "the word '%s' (%s time%s in %s)%s: %s the prediction's probability by %.2f%s",
          effect.get("word"),
          effect.get("occurrences"),
          "1".equals(String.valueOf(effect.get("occurrences"))) ? "" : "s",
          effect.get("attribute"),
          alone ? " on its own" : "",
          change > 0 ? "raised" : "lowered",
          Math.abs(change),
          alone
              ? " over an empty text"
              : effect.get("weightsScaledBy") != null
                  ? " (the model was certain: measured with the text's word weights scaled by "
                      + effect.get("weightsScaledBy")
                      + ")"
                  : "");
    }
    Object value = effect.get("value");
    return String.format(
        Locale.ROOT,
        "%s = %s (typical %s): %s the prediction's probability by %.2f%s",
        effect.get("attribute"),
        value == null ? "missing" : value,
        effect.get("baseline"),
        change > 0 ? "raised" : "lowered",
        Math.abs(change),
        Boolean.TRUE.equals(effect.get("globallyImportant"))
            ? "; one of the attributes that drive the model overall"
            : "");
  }
}
