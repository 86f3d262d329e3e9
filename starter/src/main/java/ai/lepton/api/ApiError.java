package ai.lepton.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every 4xx Lepton's API answers: what went wrong, and what a person can do about it.
 */
@Schema(
    description = "What went wrong, and what a person can do about it (every 4xx and 5xx of /api)")
public record ApiError(
    @Schema(description = "The kind of error", example = "MODEL_NOT_FOUND") String error,
    @Schema(
            description = "A sentence a person can act on",
            example =
                "No deployed model is named 'churn-risks': deployed are [churn-risk, credit-risk]")
        String detail) {}
