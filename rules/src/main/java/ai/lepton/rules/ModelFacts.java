package ai.lepton.rules;

/**
 * The champion model as the approval-policy rules see it, read from its cross-validation metrics.
 *
 * @param foldSpread standard deviation of the per-fold accuracy in percentage points
 *     (classification), or of the per-fold RMSE (regression); null when the folds were not recorded
 * @param openQualityFindings data-quality findings that preparation did not fix (for example class
 *     imbalance)
 */
public record ModelFacts(
    String problemType,
    String metric,
    Double metricValue,
    double threshold,
    boolean meetsThreshold,
    Double kappa,
    Double correlation,
    Double foldSpread,
    int openQualityFindings) {}
