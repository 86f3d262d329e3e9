package ai.lepton.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {

  @Test
  void aVersionDecidesAndItsOutcomeNamesIt() {
    RuleService rules = new RuleService();
    RuleSetVersion shipped = JarRules.shipped(RuleSet.CREDIT_DECISION);
    DecisionOutcome outcome =
        rules.apply(
            RuleSet.CREDIT_DECISION,
            Map.of("credit_amount", 15000),
            Map.of("good", 0.9, "bad", 0.1));
    assertThat(outcome.getRuleSetVersion()).isEqualTo(1);
    assertThat(outcome.getRuleSetSha256()).isEqualTo(shipped.sha256()).hasSize(64);
    assertThat(outcome.getDecision()).isEqualTo("MANUAL_REVIEW");
  }

  @Test
  void aChangedThresholdIsAVersionOfItsOwnThatDecidesDifferently() {
    RuleService rules = new RuleService();
    RuleSetVersion shipped = JarRules.shipped(RuleSet.CREDIT_DECISION);
    assertThat(shipped.drl()).contains("10000");
    RuleSetVersion higher =
        RuleSetVersion.of("credit-decision", 2, shipped.drl().replace("10000", "20000"));
    DecisionOutcome outcome =
        rules.apply(
            RuleSet.CREDIT_DECISION,
            higher,
            Map.of("credit_amount", 15000),
            Map.of("good", 0.9, "bad", 0.1));
    assertThat(outcome.getRuleSetVersion()).isEqualTo(2);
    assertThat(outcome.getDecision()).isEqualTo("APPROVE");
  }

  @Test
  void rulesThatDoNotCompileAreRefusedWithTheirLine() {
    String drl =
        """
        package ai.lepton.rules.creditdecision;

        rule "broken"
        when
          $x : NoSuchFact( )
        then
        end
        """;
    assertThatThrownBy(
            () ->
                RuleCompiler.compile(
                    RuleSet.CREDIT_DECISION, RuleSetVersion.of("credit-decision", 2, drl)))
        .isInstanceOf(RuleCompileException.class)
        .hasMessageContaining("line 5")
        .hasMessageContaining("NoSuchFact");
  }
}
