package ai.lepton.rules;

/**
 * One non-target attribute of a dataset as the data-quality rules see it. Figures that do not apply
 * are null, never NaN: Drools compares NaN inconsistently once it compiles a constraint, null never
 * matches.
 *
 * @param identifierLike the profile found it identifies rows (a label per row, a row count, an id
 *     by name)
 * @param targetPurity share of rows this attribute alone classifies correctly (nominal target; null
 *     otherwise)
 * @param targetCorrelation Pearson correlation with a numeric target (null otherwise)
 * @param aloneSkill its cross-validated skill alone (LeakageFacts says how measured; null when not
 *     measured)
 * @param aloneShare that skill as a share of all attributes' skill together (null when not
 *     measured)
 * @param levelsLikeTarget a nominal attribute with as many values as the nominal target
 * @param identifierReason why it is an identifier, in words (null when it is not one)
 */
public record AttributeFacts(
    String name,
    String type,
    double missingPct,
    int distinct,
    int rows,
    boolean identifierLike,
    Double targetPurity,
    Double targetCorrelation,
    Double aloneSkill,
    Double aloneShare,
    boolean levelsLikeTarget,
    String identifierReason) {}
