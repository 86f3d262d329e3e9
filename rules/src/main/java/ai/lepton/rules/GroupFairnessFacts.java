package ai.lepton.rules;

/**
 * One group of a protected attribute, as the champion's cross-validation treated it against the
 * reference group: its selection rate's ratio to the reference's (disparate impact) and the floor
 * the requirements set under which approval is blocked.
 */
public record GroupFairnessFacts(
    String attribute,
    String group,
    String referenceGroup,
    int rows,
    double disparateImpact,
    double selectionRate,
    double referenceSelectionRate,
    double floor) {}
