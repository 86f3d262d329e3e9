package ai.lepton.rules;

/**
 * A customer with their churn prediction, as the churn-retention rules see them.
 *
 * @param churnProbability the model's probability of the churn class ("Yes"/"yes")
 */
public class ChurnCase {

  private final double churnProbability;
  private final double monthlyCharges;
  private final double tenure;
  private final String contract;

  public ChurnCase(double churnProbability, double monthlyCharges, double tenure, String contract) {
    this.churnProbability = churnProbability;
    this.monthlyCharges = monthlyCharges;
    this.tenure = tenure;
    this.contract = contract == null ? "" : contract;
  }

  public double getChurnProbability() {
    return churnProbability;
  }

  public double getMonthlyCharges() {
    return monthlyCharges;
  }

  public double getTenure() {
    return tenure;
  }

  public String getContract() {
    return contract;
  }
}
