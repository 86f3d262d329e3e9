package ai.lepton.rules;

/**
 * A protected attribute the requirements named that the champion's validation could not assess, and
 * why.
 */
public record UnassessedFairnessFacts(String attribute, String why) {}
