package ai.lepton.ml.registry;

import ai.lepton.ml.training.CandidateMetrics;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Each candidate's skill from the baseline up, for the approval policy's "too good to be true"
 * comparison of the champion with the other candidates of its round: kappa for a classification, 1
 * − relative absolute error for a regression (the mean predictor scores 0); none for a forecaster,
 * whose baseline is the seasonal-naive forecast.
 *
 * @param measure how skill was measured; null for a forecaster
 * @param champion the champion's skill; null for a forecaster
 * @param others the other candidates' skills, where measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateSkills(String measure, Double champion, List<Double> others) {

  public static CandidateSkills of(List<ModelVersion> candidates, ModelVersion champion) {
    CandidateMetrics figures = champion.figures();
    boolean classification = figures.kappa() != null;
    if (!classification && figures.relativeAbsoluteError() == null) {
      return new CandidateSkills(null, null, List.of());
    }
    ToDoubleFunction<ModelVersion> skill =
        version ->
            classification
                ? version.metric("kappa")
                : 1 - version.metric("relativeAbsoluteError") / 100;
    return new CandidateSkills(
        classification ? "kappa" : "1 - relative absolute error",
        skill.applyAsDouble(champion),
        candidates.stream()
            .filter(c -> !c.id().equals(champion.id()))
            .mapToDouble(skill)
            .filter(v -> !Double.isNaN(v))
            .boxed()
            .toList());
  }
}
