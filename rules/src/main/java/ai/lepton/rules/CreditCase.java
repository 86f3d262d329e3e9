package ai.lepton.rules;

/**
 * A credit application with its default prediction, as the credit-decision rules see it.
 *
 * @param defaultProbability the model's probability of the "bad" class
 */
public class CreditCase {

  private final double defaultProbability;
  private final double creditAmount;
  private final double duration;
  private final double age;

  public CreditCase(double defaultProbability, double creditAmount, double duration, double age) {
    this.defaultProbability = defaultProbability;
    this.creditAmount = creditAmount;
    this.duration = duration;
    this.age = age;
  }

  public double getDefaultProbability() {
    return defaultProbability;
  }

  public double getCreditAmount() {
    return creditAmount;
  }

  public double getDuration() {
    return duration;
  }

  public double getAge() {
    return age;
  }
}
