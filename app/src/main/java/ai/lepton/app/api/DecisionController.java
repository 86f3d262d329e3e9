package ai.lepton.app.api;

import ai.lepton.ml.Json;
import ai.lepton.ml.scoring.DecisionLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model decisions straight through: each call runs the {@code model-decision} process (score, rules, decision log)
 * and answers with its outcome; refusals the process reached become 4xx.
 */
@RestController
public class DecisionController {

  private final RuntimeService runtime;
  private final DecisionLog log;
  private final DecisionDefinitionCache definitions;

  public DecisionController(RuntimeService runtime, DecisionLog log, DecisionDefinitionCache definitions) {
    this.runtime = runtime;
    this.log = log;
    this.definitions = definitions;
  }

  @PostMapping("/api/decisions/{modelName}")
  public Map<String, Object> decide(@PathVariable String modelName, @RequestParam String ruleSet,
      @RequestBody(required = false) JsonNode features) {
    if (features == null || !features.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid features",
          "Send the record's features as a JSON object, e.g. {\"tenure\": 12, \"contract\": \"Month-to-month\"}");
    }
    VariableMap result = runtime.createProcessInstanceById(definitions.latestId())
        .setVariable("modelName", modelName)
        .setVariable("ruleSet", ruleSet)
        .setVariable("features", features.toString())
        .executeWithVariablesInReturn().getVariables();
    Object errorCode = result.get("errorCode");
    if (errorCode != null) {
      HttpStatus status = switch (errorCode.toString()) {
        case "MODEL_NOT_FOUND" -> HttpStatus.NOT_FOUND;
        case "MODEL_UNAVAILABLE" -> HttpStatus.SERVICE_UNAVAILABLE;
        default -> HttpStatus.BAD_REQUEST;
      };
      throw new ApiException(status, errorCode.toString(), String.valueOf(result.get("errorMessage")));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("decision", result.get("decision"));
    answer.put("prediction", result.get("prediction"));
    answer.put("probability", result.get("probability"));
    answer.put("distribution", Json.readMap(String.valueOf(result.get("distribution"))));
    answer.put("modelVersionId", result.get("modelVersionId"));
    answer.put("rulesFired", lines(result.get("rulesFired")));
    answer.put("reason", result.get("decisionReason"));
    answer.put("explanation", Json.readList(String.valueOf(result.get("explanation"))));
    answer.put("missingFeatures", lines(String.valueOf(result.get("missingFeatures")).replace(',', '\n')));
    answer.put("decisionId", result.get("decisionId"));
    return answer;
  }

  @GetMapping("/api/decisions")
  public List<Map<String, Object>> decisions(@RequestParam("model") String modelName,
      @RequestParam(defaultValue = "100") int limit) {
    return log.recent(modelName, Math.max(1, Math.min(limit, 1000)));
  }

  private static List<String> lines(Object text) {
    return text == null || text.toString().isBlank() ? List.of() : List.of(text.toString().split("\n"));
  }
}
