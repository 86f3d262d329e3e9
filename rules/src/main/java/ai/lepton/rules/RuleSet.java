package ai.lepton.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The rule sets Lepton ships: the name a process or API uses ({@code ruleSet}), the stateless session that runs it,
 * its decisions from weakest to strongest, and how one scored record becomes its fact.
 */
public enum RuleSet {
  CHURN_RETENTION("churn-retention", "ChurnRetentionKS",
      List.of("NO_ACTION", "OFFER_DISCOUNT", "RETENTION_CALL", "ESCALATE_TO_ACCOUNT_MANAGER"),
      (features, distribution) -> new ChurnCase(probabilityOf(distribution, "Yes"),
          number(features, "monthly_charges"), number(features, "tenure"), text(features, "contract"))),
  CREDIT_DECISION("credit-decision", "CreditDecisionKS", List.of("APPROVE", "DECLINE", "MANUAL_REVIEW"),
      (features, distribution) -> new CreditCase(probabilityOf(distribution, "bad"),
          number(features, "credit_amount"), number(features, "duration"), number(features, "age")));

  private final String wireName;
  private final String session;
  private final List<String> decisions;
  private final BiFunction<Map<String, Object>, Map<String, Double>, Object> fact;

  RuleSet(String wireName, String session, List<String> decisions,
      BiFunction<Map<String, Object>, Map<String, Double>, Object> fact) {
    this.wireName = wireName;
    this.session = session;
    this.decisions = decisions;
    this.fact = fact;
  }

  public static RuleSet of(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst()
        .orElseThrow(() -> new UnknownRuleSetException(name, Arrays.stream(values()).map(RuleSet::wireName).toList()));
  }

  public String wireName() {
    return wireName;
  }

  String session() {
    return session;
  }

  List<String> decisions() {
    return decisions;
  }

  Object fact(Map<String, Object> features, Map<String, Double> distribution) {
    return fact.apply(features, distribution);
  }

  /** The probability of a class, matching its label without regard to case ("Yes" and "yes"). */
  private static double probabilityOf(Map<String, Double> distribution, String label) {
    return distribution.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(label))
        .mapToDouble(Map.Entry::getValue).findFirst().orElse(0.0);
  }

  private static double number(Map<String, Object> features, String name) {
    Object value = features.get(name);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return value == null ? Double.NaN : Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Feature '" + name + "' must be a number, not '" + value + "'");
    }
  }

  private static String text(Map<String, Object> features, String name) {
    Object value = features.get(name);
    return value == null ? null : value.toString();
  }
}
