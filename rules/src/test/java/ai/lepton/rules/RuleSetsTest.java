package ai.lepton.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped rule sets on a real Drools container, as a business reader would check them. */
class RuleSetsTest {

  private static RuleService rules;

  @BeforeAll
  static void buildContainerOnce() {
    rules = new RuleService();
  }

  @Test
  void aLoyalCustomerUnlikelyToChurnNeedsNoAction() {
    DecisionOutcome outcome = churn(0.1, 50, 30, "Two year");
    assertThat(outcome.getDecision()).isEqualTo("NO_ACTION");
    assertThat(outcome.getRulesFired()).isEmpty();
    assertThat(outcome.getReason()).contains("by default");
  }

  @Test
  void aMonthToMonthCustomerLikelyToChurnIsOfferedADiscount() {
    DecisionOutcome outcome = churn(0.55, 60, 3, "Month-to-month");
    assertThat(outcome.getDecision()).isEqualTo("OFFER_DISCOUNT");
    assertThat(outcome.getRulesFired())
        .containsExactly("A customer likely to churn on a month-to-month contract is offered a discount");
  }

  @Test
  void theStrongestDecisionWinsAndEveryFiredRuleIsListed() {
    DecisionOutcome outcome = churn(0.8, 110, 5, "Month-to-month");
    assertThat(outcome.getDecision()).isEqualTo("ESCALATE_TO_ACCOUNT_MANAGER");
    assertThat(outcome.getRulesFired()).hasSize(3)
        .contains("A high-value customer likely to churn is escalated to an account manager");
    assertThat(outcome.getReason()).contains("monthly charges 110.00");
  }

  @Test
  void creditDecisionsFollowTheDefaultProbabilityAndLargeAmountsGoToAPerson() {
    assertThat(credit(0.1, 2000).getDecision()).isEqualTo("APPROVE");
    assertThat(credit(0.5, 2000).getDecision()).isEqualTo("MANUAL_REVIEW");
    assertThat(credit(0.8, 2000).getDecision()).isEqualTo("DECLINE");
    DecisionOutcome large = credit(0.8, 15000);
    assertThat(large.getDecision()).isEqualTo("MANUAL_REVIEW");
    assertThat(large.getRulesFired()).contains("A large credit amount always goes to a person");
  }

  @Test
  void unknownRuleSetsAndNonNumericFeaturesAreClearErrors() {
    assertThatThrownBy(() -> RuleSet.of("fraud")).hasMessageContaining("churn-retention, credit-decision");
    assertThatThrownBy(() -> rules.apply(RuleSet.CREDIT_DECISION, Map.of("credit_amount", "lots"),
        Map.of("bad", 0.2))).hasMessageContaining("'credit_amount' must be a number");
  }

  private static DecisionOutcome churn(double probability, double charges, double tenure, String contract) {
    return rules.apply(RuleSet.CHURN_RETENTION,
        Map.of("monthly_charges", charges, "tenure", tenure, "contract", contract),
        Map.of("Yes", probability, "No", 1 - probability));
  }

  private static DecisionOutcome credit(double defaultProbability, double amount) {
    return rules.apply(RuleSet.CREDIT_DECISION, Map.of("credit_amount", amount, "duration", 24, "age", 35),
        Map.of("bad", defaultProbability, "good", 1 - defaultProbability));
  }
}
