package ai.lepton.ml.scoring;

import java.util.List;
import java.util.Map;

/**
 * One record scored by a deployed model version: the predicted label (or number), its probability,
 * the whole class distribution, the features that were missing and scored as Weka's missing value,
 * and the attributes that moved the prediction most ({@link PerturbationExplainer}; empty when the
 * model's training data is unavailable).
 */
public record Score(
    String modelVersionId,
    String prediction,
    double probability,
    Map<String, Double> distribution,
    List<String> missingFeatures,
    List<Map<String, Object>> explanation) {}
