package ai.lepton.rules;

/**
 * One monitoring check of a deployed model, as the maintenance rules see it.
 *
 * @param significantDrift attributes whose PSI is above the significant band (by default 0.25)
 * @param moderateDrift attributes whose PSI is in the moderate band (by default 0.1–0.25)
 * @param mostDrifted the attribute with the largest PSI, and {@code maxPsi} its value
 * @param recentAccuracy accuracy of the recent decisions whose true outcome is known (null without
 *     outcomes)
 * @param baselineAccuracy the cross-validated accuracy the model was approved on (null for
 *     regression)
 * @param previousVersion whether an earlier approved version exists to roll back to
 * @param recentRows how many recent rows were compared with the training data
 * @param driftJudged whether they were enough to judge drift (the drift counts are 0 otherwise)
 * @param psiModerate the PSI from which drift is moderate ({@code lepton.monitoring.psi-moderate},
 *     by default 0.1)
 * @param psiSignificant the PSI above which drift is significant ({@code
 *     lepton.monitoring.psi-significant}, 0.25)
 */
public record MonitoringFacts(
    int significantDrift,
    int moderateDrift,
    String mostDrifted,
    Double maxPsi,
    Double recentAccuracy,
    Double baselineAccuracy,
    int labelledOutcomes,
    boolean previousVersion,
    int recentRows,
    boolean driftJudged,
    double psiModerate,
    double psiSignificant) {}
