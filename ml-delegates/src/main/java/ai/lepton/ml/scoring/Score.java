package ai.lepton.ml.scoring;

import java.util.List;
import java.util.Map;

/**
 * One record scored by a deployed model version: the predicted label (or number), its probability, the whole class
 * distribution, and the features that were missing and scored as Weka's missing value.
 */
public record Score(String modelVersionId, String prediction, double probability, Map<String, Double> distribution,
    List<String> missingFeatures) {}
