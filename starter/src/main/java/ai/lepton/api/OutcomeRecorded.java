package ai.lepton.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** What {@code POST /api/decisions/{decisionId}/outcome} answers once the true outcome is kept. */
@Schema(description = "The true outcome of a decision, kept beside it in the decision log")
public record OutcomeRecorded(
    @Schema(example = "dec-5f0c3e0b2a8f4c7e") String decisionId,
    @Schema(description = "The true outcome", example = "Yes") String actual,
    @Schema(description = "Whether the model's prediction was the true outcome")
        boolean predictionWasRight) {}
