package ai.lepton.rules;

/**
 * A customer with their churn prediction, as the churn-retention rules see them. An attribute the
 * caller did not send is null (and matches no rule that needs it).
 *
 * @param churnProbability the model's probability of the churn class ("Yes"/"yes")
 */
public record ChurnCase(
    double churnProbability, Double monthlyCharges, Double tenure, String contract) {}
