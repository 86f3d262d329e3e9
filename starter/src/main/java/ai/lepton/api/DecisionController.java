package ai.lepton.api;

import ai.lepton.access.LeptonGroups;
import ai.lepton.metrics.DecisionMeters;
import ai.lepton.ml.Json;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.LoggedDecision;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.process.BpmnErrorCode;
import ai.lepton.process.ProcessVariables;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Metrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model decisions straight through: each call runs the {@code model-decision} process (score,
 * rules, decision log) and answers with its outcome; refusals the process reached become 4xx.
 */
@ConditionalOnProperty(prefix = "lepton.decisions", name = "enabled", matchIfMissing = true)
@RestController
public class DecisionController {

  private final RuntimeService runtime;
  private final DecisionLog log;
  private final DecisionDefinitionCache definitions;
  private final IdentityService identity;
  private final ProcessStartRights rights;
  private final AsLepton asLepton;
  private final DecisionMeters meters;

  public DecisionController(
      RuntimeService runtime,
      DecisionLog log,
      DecisionDefinitionCache definitions,
      IdentityService identity,
      ProcessStartRights rights,
      AsLepton asLepton,
      ObjectProvider<DecisionMeters> meters) {
    this.runtime = runtime;
    this.log = log;
    this.definitions = definitions;
    this.identity = identity;
    this.rights = rights;
    this.asLepton = asLepton;
    this.meters = meters.getIfAvailable(() -> new DecisionMeters(Metrics.globalRegistry));
  }

  @PostMapping("/api/decisions/{modelName}")
  @Operation(
      summary = "Decide on one record with a deployed model and a decision rule set",
      description =
          "The live version of the model scores the record, the rule set (one the model was approved for)"
              + " decides, and the decision log keeps it. 404 unknown model; 400 a record that is not one, a rule set the"
              + " model was not approved for; 503 the model file cannot be read.")
  public DecisionAnswer decide(
      @PathVariable String modelName,
      @RequestParam String ruleSet,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description =
                  "The record's features by attribute name;"
                      + " attributes the model does not know are ignored, missing ones are named in the answer",
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              name = "a churn-risk customer",
                              value =
                                  "{\"tenure\": 12, \"contract\": \"Month-to-month\", \"monthly_charges\": 70.35,"
                                      + " \"internet_service\": \"Fiber optic\"}")))
          @RequestBody(required = false)
          JsonNode features) {
    if (features == null || !features.isObject()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid features",
          "Send the record's features as a JSON object, e.g. {\"tenure\": 12, \"contract\": \"Month-to-month\"}");
    }
    long started = System.nanoTime();
    Authentication user = identity.getCurrentAuthentication();
    rights.requireDecisionRight(
        user, "POST /api/decisions/" + modelName, "/api/decisions/" + modelName);
    // the two rights the engine checks when it starts an instance were checked just above
    // (ProcessStartRights): the
    // start does not ask the authorization table again; the process still runs as the caller, and
    // the decision log
    // (not Camunda's user operation log) names who asked
    VariableMap result =
        asLepton.runDecision(
            () ->
                runtime
                    .createProcessInstanceById(definitions.latestId())
                    .setVariable(ProcessVariables.MODEL_NAME, modelName)
                    .setVariable(ProcessVariables.RULE_SET, ruleSet)
                    .setVariable(ProcessVariables.FEATURES, features.toString())
                    .executeWithVariablesInReturn()
                    .getVariables());
    Object errorCode = result.get(ProcessVariables.ERROR_CODE);
    if (errorCode != null) {
      meters.decided(
          BpmnErrorCode.MODEL_NOT_FOUND.name().equals(errorCode)
              ? DecisionMeters.UNKNOWN_MODEL
              : modelName,
          errorCode.toString(),
          System.nanoTime() - started);
      throw ApiException.modelRefused(
          errorCode.toString(), String.valueOf(result.get(ProcessVariables.ERROR_MESSAGE)));
    }
    meters.decided(
        modelName,
        String.valueOf(result.get(ProcessVariables.DECISION)),
        System.nanoTime() - started);
    Map<String, Double> distribution = new LinkedHashMap<>();
    Json.readMap(String.valueOf(result.get(ProcessVariables.DISTRIBUTION)))
        .forEach((label, p) -> distribution.put(label, ((Number) p).doubleValue()));
    return new DecisionAnswer(
        (String) result.get(ProcessVariables.DECISION),
        String.valueOf(result.get(ProcessVariables.PREDICTION)),
        result.get(ProcessVariables.PROBABILITY) instanceof Number p ? p.doubleValue() : null,
        distribution,
        (String) result.get(ProcessVariables.MODEL_VERSION_ID),
        lines(result.get(ProcessVariables.RULES_FIRED)),
        (String) result.get(ProcessVariables.DECISION_REASON),
        Json.readList(String.valueOf(result.get(ProcessVariables.EXPLANATION))),
        lines(String.valueOf(result.get(ProcessVariables.MISSING_FEATURES)).replace(',', '\n')),
        (String) result.get(ProcessVariables.DECISION_ID),
        result.get(ProcessVariables.RULE_SET_VERSION) instanceof Number version
            ? version.intValue()
            : null);
  }

  /**
   * The true outcome of a decision, once known: {@code {"actual": "Yes"}}. 201 with whether the
   * model was right; 404 unknown decision; 409 outcome already recorded; 400 no {@code actual}; 403
   * for read-only auditors.
   */
  @PostMapping("/api/decisions/{decisionId}/outcome")
  @Operation(
      summary = "Record the true outcome of a decision",
      description =
          "Once per decision: 201 with whether the prediction was right; 404 unknown decision; 409 already"
              + " recorded; 403 for auditors, who read outcomes only.")
  public ResponseEntity<OutcomeRecorded> outcome(
      @PathVariable String decisionId, @RequestBody(required = false) JsonNode body) {
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = CurrentUser.groups(identity);
    if (groups.isEmpty() || groups.stream().allMatch(LeptonGroups.AUDITORS::equals)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "Forbidden", "Auditors read outcomes; they do not record them");
    }
    if (body == null || !body.hasNonNull("actual") || body.get("actual").asText().isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid outcome",
          "Send the true outcome as JSON, e.g. {\"actual\": \"Yes\"}");
    }
    try {
      boolean correct =
          log.recordOutcome(decisionId, body.get("actual").asText(), user.getUserId());
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(new OutcomeRecorded(decisionId, body.get("actual").asText(), correct));
    } catch (DecisionLog.OutcomeRefused e) {
      throw new ApiException(
          e.unknownDecision() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
          e.unknownDecision() ? "Unknown decision" : "Outcome already recorded",
          e.getMessage());
    }
  }

  /**
   * The newest decisions of a model. Auditors, model risk officers and administrators read them
   * all; credit officers and account managers those taken with the rule sets of their own process
   * ({@link LeptonGroups#DECISIONS_OWNED}); the security chain refuses everyone else.
   */
  @GetMapping("/api/decisions")
  public List<LoggedDecision> decisions(
      @RequestParam("model") String modelName, @RequestParam(defaultValue = "100") int limit) {
    List<LoggedDecision> recent = log.recent(modelName, Math.max(1, Math.min(limit, 1000)));
    List<String> groups = CurrentUser.groups(identity);
    if (groups.stream().anyMatch(LeptonGroups.DECISION_LOG_READERS::contains)) {
      return recent;
    }
    List<String> owned =
        groups.stream()
            .flatMap(group -> LeptonGroups.DECISIONS_OWNED.getOrDefault(group, List.of()).stream())
            .toList();
    return recent.stream().filter(row -> owned.contains(String.valueOf(row.ruleSet()))).toList();
  }

  private static List<String> lines(Object text) {
    return text == null || text.toString().isBlank()
        ? List.of()
        : List.of(text.toString().split("\n"));
  }
}
