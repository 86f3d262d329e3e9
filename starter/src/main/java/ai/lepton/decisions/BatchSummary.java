package ai.lepton.decisions;

/**
 * A batch once every row is answered: how many were decided (and logged) and how many were refused.
 */
public record BatchSummary(
    String batchId, String modelName, String ruleSet, long rows, long decided, long refused) {}
