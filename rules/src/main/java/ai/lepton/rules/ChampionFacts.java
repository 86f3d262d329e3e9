package ai.lepton.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the champion's cross-validation metrics (Weka's names, as Lepton's registry keeps them) and
 * the engagement's success criterion into the facts of the approval-policy rules.
 */
final class ChampionFacts {

  private ChampionFacts() {}

  /**
   * @param candidateSkills the other candidates' skills as {@code SelectChampion} records them
   *     ({@code {"measure": ..., "champion": x, "others": [...]}}), or null
   * @param fairnessFloor the disparate impact under which the requirements block approval, or null
   *     (the default)
   */
  @SuppressWarnings("unchecked")
  static List<Object> of(
      Map<String, Object> metrics,
      String metric,
      double threshold,
      boolean meetsThreshold,
      int openQualityFindings,
      Object candidateSkills,
      Double fairnessFloor) {
    boolean classification = metrics.containsKey("pctCorrect");
    boolean forecasting = metrics.get("forecast") instanceof Map<?, ?>;
    Map<String, Object> folds =
        metrics.get("folds") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
    List<Object> facts = new ArrayList<>();
    facts.add(
        new ModelFacts(
            classification ? "classification" : forecasting ? "forecasting" : "regression",
            metric,
            FactValues.optional(metrics, metric),
            threshold,
            meetsThreshold,
            FactValues.optional(metrics, "kappa"),
            FactValues.optional(metrics, "correlationCoefficient"),
            FactValues.optional(folds, "stdDev"),
            openQualityFindings));
    if (forecasting && FactValues.optional(metrics, "maeRatioToSeasonalNaive") != null) {
      Map<String, Object> series = (Map<String, Object>) metrics.get("forecast");
      facts.add(
          new ForecastFacts(
              FactValues.number(metrics, "maeRatioToSeasonalNaive"),
              (int) FactValues.number(series, "testPeriods"),
              FactValues.text(series, "periodicity")));
    }
    if (candidateSkills != null) {
      Map<String, Object> skills = FactValues.object(candidateSkills, "candidateSkills");
      List<Double> others =
          skills.get("others") instanceof List<?> list
              ? list.stream()
                  .filter(Number.class::isInstance)
                  .map(n -> ((Number) n).doubleValue())
                  .filter(v -> !Double.isNaN(v))
                  .sorted()
                  .toList()
              : List.of();
      Double champion = FactValues.optional(skills, "champion");
      if (!others.isEmpty() && champion != null) {
        facts.add(
            new CandidateSpreadFacts(
                FactValues.text(skills, "measure"),
                champion,
                others.get(others.size() - 1),
                others.get(others.size() / 2),
                others.size()));
      }
    }
    if (metrics.get("perClass") instanceof Map<?, ?> perClass) {
      Map<String, Object> matrix =
          metrics.get("confusionMatrix") instanceof Map<?, ?> m
              ? (Map<String, Object>) m
              : Map.of();
      List<String> labels = (List<String>) matrix.getOrDefault("labels", List.of());
      List<List<Number>> rows = (List<List<Number>>) matrix.getOrDefault("rows", List.of());
      for (Map.Entry<?, ?> entry : perClass.entrySet()) {
        String label = entry.getKey().toString();
        int index = labels.indexOf(label);
        int support =
            index < 0 || index >= rows.size()
                ? 0
                : (int) Math.round(rows.get(index).stream().mapToDouble(Number::doubleValue).sum());
        facts.add(
            new ClassFacts(
                label,
                FactValues.optional((Map<String, Object>) entry.getValue(), "recall"),
                support));
      }
    }
    if (metrics.get("fairness") instanceof List<?> assessments) {
      facts.addAll(
          fairness(
              (List<Map<String, Object>>) assessments,
              fairnessFloor == null ? DEFAULT_FAIRNESS_FLOOR : fairnessFloor));
    }
    return facts;
  }

  /** The floor when the record names none (as requirements default it). */
  static final double DEFAULT_FAIRNESS_FLOOR = 0.6;

  /**
   * Each non-reference group with a disparate impact that could be formed; each attribute not
   * assessed.
   */
  @SuppressWarnings("unchecked")
  private static List<Object> fairness(List<Map<String, Object>> assessments, double floor) {
    List<Object> facts = new ArrayList<>();
    for (Map<String, Object> assessment : assessments) {
      String attribute = FactValues.text(assessment, "attribute");
      if (assessment.get("notAssessed") != null) {
        facts.add(new UnassessedFairnessFacts(attribute, assessment.get("notAssessed").toString()));
        continue;
      }
      String reference = FactValues.text(assessment, "referenceGroup");
      List<Map<String, Object>> groups =
          (List<Map<String, Object>>) assessment.getOrDefault("groups", List.of());
      Double referenceRate =
          groups.stream()
              .filter(g -> reference.equals(g.get("group")))
              .map(g -> FactValues.optional(g, "selectionRate"))
              .findFirst()
              .orElse(null);
      for (Map<String, Object> group : groups) {
        Double impact = FactValues.optional(group, "disparateImpact");
        if (reference.equals(group.get("group")) || impact == null || referenceRate == null) {
          continue;
        }
        facts.add(
            new GroupFairnessFacts(
                attribute,
                String.valueOf(group.get("group")),
                reference,
                ((Number) group.get("rows")).intValue(),
                impact,
                FactValues.number(group, "selectionRate"),
                referenceRate,
                floor));
      }
    }
    return facts;
  }
}
