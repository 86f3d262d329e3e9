package ai.lepton.rules;

/**
 * How the profile measured leakage, and the thresholds the rules apply: skill from the baseline (0)
 * to perfect (1), {@code measure} saying which (kappa, or 1 − relative absolute error), {@code
 * reference} the learner on all attributes and its {@code referenceSkill}.
 */
public record LeakageFacts(
    String measure,
    String reference,
    double referenceSkill,
    double dropShare,
    double dropSkill,
    double warnShare,
    double warnSkill) {}
