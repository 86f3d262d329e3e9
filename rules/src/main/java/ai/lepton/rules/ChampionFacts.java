package ai.lepton.rules;

import ai.lepton.ml.registry.CandidateSkills;
import ai.lepton.ml.training.CandidateMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the champion's cross-validation metrics (Weka's names, as Lepton's registry keeps them) and
 * the engagement's success criterion into the facts of the approval-policy rules.
 */
final class ChampionFacts {

  private ChampionFacts() {}

  /**
   * @param skills the candidates' skills as {@code SelectChampion} records them, or null
   * @param fairnessFloor the disparate impact under which the requirements block approval, or null
   *     (the default)
   */
  static List<Object> of(
      CandidateMetrics metrics,
      String metric,
      double threshold,
      boolean meetsThreshold,
      int openQualityFindings,
      CandidateSkills skills,
      Double fairnessFloor) {
    List<Object> facts = new ArrayList<>();
    facts.add(
        new ModelFacts(
            metrics.problem(),
            metric,
            finite(metrics.figure(metric)),
            threshold,
            meetsThreshold,
            finite(metrics.kappa()),
            finite(metrics.correlationCoefficient()),
            metrics.folds() == null ? null : finite(metrics.folds().stdDev()),
            openQualityFindings));
    if (metrics.forecasting() && finite(metrics.maeRatioToSeasonalNaive()) != null) {
      facts.add(
          new ForecastFacts(
              metrics.maeRatioToSeasonalNaive(),
              metrics.forecast().testPeriods() == null ? 0 : metrics.forecast().testPeriods(),
              metrics.forecast().periodicity()));
    }
    if (skills != null && skills.champion() != null && skills.others() != null) {
      List<Double> others =
          skills.others().stream().filter(v -> v != null && !v.isNaN()).sorted().toList();
      if (!others.isEmpty()) {
        facts.add(
            new CandidateSpreadFacts(
                skills.measure(),
                skills.champion(),
                others.get(others.size() - 1),
                others.get(others.size() / 2),
                others.size()));
      }
    }
    if (metrics.perClass() != null) {
      metrics
          .perClass()
          .forEach(
              (label, figures) ->
                  facts.add(
                      new ClassFacts(
                          label,
                          finite(figures.recall()),
                          metrics.confusionMatrix() == null
                              ? 0
                              : metrics.confusionMatrix().support(label))));
    }
    if (metrics.fairness() != null) {
      facts.addAll(
          fairness(
              metrics.fairness(), fairnessFloor == null ? DEFAULT_FAIRNESS_FLOOR : fairnessFloor));
    }
    return facts;
  }

  /** The floor when the record names none (as requirements default it). */
  static final double DEFAULT_FAIRNESS_FLOOR = 0.6;

  /**
   * Each non-reference group with a disparate impact that could be formed; each attribute not
   * assessed.
   */
  private static List<Object> fairness(
      List<CandidateMetrics.FairnessAssessment> assessments, double floor) {
    List<Object> facts = new ArrayList<>();
    for (CandidateMetrics.FairnessAssessment assessment : assessments) {
      if (assessment.notAssessed() != null) {
        facts.add(new UnassessedFairnessFacts(assessment.attribute(), assessment.notAssessed()));
        continue;
      }
      Double referenceRate =
          assessment.reference().map(CandidateMetrics.GroupFigures::selectionRate).orElse(null);
      for (CandidateMetrics.GroupFigures group : assessment.groups()) {
        Double impact = group.disparateImpact();
        if (group.group().equals(assessment.referenceGroup())
            || impact == null
            || referenceRate == null) {
          continue;
        }
        facts.add(
            new GroupFairnessFacts(
                assessment.attribute(),
                group.group(),
                assessment.referenceGroup(),
                group.rows(),
                impact,
                group.selectionRate() == null ? Double.NaN : group.selectionRate(),
                referenceRate,
                floor));
      }
    }
    return facts;
  }

  /** A figure as a fact carries it: null where Weka gave none or NaN. */
  private static Double finite(Double value) {
    return value == null || value.isNaN() ? null : value;
  }
}
