package ai.lepton.rules;

import java.util.Map;

/**
 * Turns one scored record (features and class distribution) into the fact of a prediction rule set.
 */
final class PredictionFacts {

  private PredictionFacts() {}

  static ChurnCase churn(Map<String, Object> features, Map<String, Double> distribution) {
    return new ChurnCase(
        probabilityOf(distribution, "Yes"),
        FactValues.optional(features, "monthly_charges"),
        FactValues.optional(features, "tenure"),
        FactValues.text(features, "contract"));
  }

  static CreditCase credit(Map<String, Object> features, Map<String, Double> distribution) {
    return new CreditCase(
        probabilityOf(distribution, "bad"),
        FactValues.optional(features, "credit_amount"),
        FactValues.optional(features, "duration"),
        FactValues.optional(features, "age"));
  }

  /**
   * A news item: the probability of the watched class, and the client and earlier alerts from the
   * context.
   */
  static NewsItem news(Map<String, Double> distribution, Map<String, Object> context) {
    double probability =
        ai.lepton.process.WatchedNewsClass.among(distribution.keySet())
            .map(label -> probabilityOf(distribution, label))
            .orElse(0.0);
    Double earlier = FactValues.optional(context, "earlierAlertsAboutClient");
    Double window = FactValues.optional(context, "windowHours");
    return new NewsItem(
        probability,
        FactValues.text(context, "client"),
        earlier == null ? 0 : earlier.intValue(),
        window == null ? 0 : window.intValue());
  }

  /** The probability of a class, matching its label without regard to case ("Yes" and "yes"). */
  private static double probabilityOf(Map<String, Double> distribution, String label) {
    return distribution.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(label))
        .mapToDouble(Map.Entry::getValue)
        .findFirst()
        .orElse(0.0);
  }
}
