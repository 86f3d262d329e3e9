package ai.lepton.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/decisions/{model}} answers: the model's prediction, the rules' decision,
 * and its log id.
 */
@Schema(
    description =
        "A model decision: the live model version's prediction and the rule set's decision, as logged")
public record DecisionAnswer(
    @Schema(description = "The rule set's decision", example = "RETENTION_CALL") String decision,
    @Schema(description = "The model's predicted class (or value)", example = "Yes")
        String prediction,
    @Schema(description = "The probability of the prediction", example = "0.9455")
        Double probability,
    @Schema(
            description = "The probability of every class",
            example = "{\"No\": 0.0545, \"Yes\": 0.9455}")
        Map<String, Double> distribution,
    @Schema(
            description = "The model version that scored the record",
            example = "mv-d1d4286ac37543fc")
        String modelVersionId,
    @Schema(description = "The rules that fired, by name") List<String> rulesFired,
    @Schema(description = "The rules' reason for the decision") String reason,
    @Schema(description = "The attributes that moved the prediction most, with their effect")
        List<Map<String, Object>> explanation,
    @Schema(description = "Model attributes the request did not give (scored as missing)")
        List<String> missingFeatures,
    @Schema(description = "The decision's id in the decision log", example = "dec-5f0c3e0b2a8f4c7e")
        String decisionId,
    @Schema(description = "The version of the rule set that decided", example = "1")
        Integer ruleSetVersion) {}
