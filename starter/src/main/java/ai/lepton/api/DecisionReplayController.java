package ai.lepton.api;

import ai.lepton.decisions.DecisionReplay;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Would the same model and rules decide the same today?": logged decisions taken again with the
 * model version and the rule set version that took them. Auditors, model risk officers and
 * administrators (the security chain refuses others, audited). Nothing is written: a replay is not
 * a decision.
 */
@ConditionalOnProperty(prefix = "lepton.decisions", name = "enabled", matchIfMissing = true)
@RestController
public class DecisionReplayController {

  private final DecisionReplay replay;

  public DecisionReplayController(DecisionReplay replay) {
    this.replay = replay;
  }

  @PostMapping("/api/decisions/{decisionId}/replay")
  @Operation(
      summary = "Take one logged decision again and say whether it comes out the same",
      description =
          "The logged record, scored by the model version that decided (its file checked against its"
              + " SHA-256) and decided by the rule set version that decided: identical, or what differs. 404 unknown"
              + " decision.")
  public DecisionReplay.Replayed one(@PathVariable String decisionId) {
    return replay
        .replay(decisionId)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "Unknown decision",
                    "The decision log has no decision " + decisionId));
  }

  @PostMapping("/api/decisions/replay")
  @Operation(
      summary = "Take a model's logged decisions of a period again",
      description =
          "Decisions of the model from 'from' (inclusive) to 'to' (exclusive), ISO-8601 instants, at most"
              + " 10,000 (capped says whether there were more): how many came out identical, and each that did not.")
  public DecisionReplay.PeriodReplayed period(
      @RequestParam String model, @RequestParam String from, @RequestParam String to) {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (!end.isAfter(start)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid period", "'to' must be after 'from'");
    }
    return replay.replay(model, start, end);
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid instant",
          "'"
              + name
              + "' must be an ISO-8601"
              + " instant such as 2026-11-29T08:00:00Z, not '"
              + value
              + "'");
    }
  }
}
