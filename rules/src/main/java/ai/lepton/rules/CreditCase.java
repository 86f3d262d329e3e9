package ai.lepton.rules;

/**
 * A credit application with its default prediction, as the credit-decision rules see it. An
 * attribute the caller did not send is null (and matches no rule that needs it).
 *
 * @param defaultProbability the model's probability of the class "bad"
 */
public record CreditCase(
    double defaultProbability, Double creditAmount, Double duration, Double age) {}
