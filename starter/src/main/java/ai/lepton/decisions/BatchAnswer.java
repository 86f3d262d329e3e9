package ai.lepton.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one row of a batch came to: the decision as logged (with its id), or the error that kept the
 * row from being decided ({@code error}: INVALID_FEATURES, NOT_A_RECORD...; {@code detail}: what to
 * fix). Nothing is logged for a row with an error.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchAnswer(
    long row,
    String decision,
    String prediction,
    Double probability,
    String decisionId,
    List<String> rulesFired,
    String reason,
    String error,
    String detail) {

  static BatchAnswer refused(long row, String error, String detail) {
    return new BatchAnswer(row, null, null, null, null, null, null, error, detail);
  }

  /** The columns of the CSV answer, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "row",
          "decision",
          "prediction",
          "probability",
          "decision_id",
          "rules_fired",
          "reason",
          "error",
          "detail");

  public List<Object> cells() {
    return java.util.Arrays.asList(
        row,
        decision,
        prediction,
        probability,
        decisionId,
        rulesFired == null ? null : String.join("; ", rulesFired),
        reason,
        error,
        detail);
  }
}
