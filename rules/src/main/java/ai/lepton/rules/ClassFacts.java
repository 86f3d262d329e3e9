package ai.lepton.rules;

/**
 * One class of a classification champion: how many rows had it and what share of them the model
 * found.
 */
public record ClassFacts(String label, Double recall, int support) {}
