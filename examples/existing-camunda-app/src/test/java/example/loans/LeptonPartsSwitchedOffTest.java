package example.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.api.DecisionController;
import ai.lepton.ingest.DatasetIngestRoute;
import ai.lepton.ml.engagement.RuleSetCatalogue;
import ai.lepton.ml.engagement.SqlPullPolicy;
import ai.lepton.ml.engagement.SqlPullRefusedException;
import ai.lepton.notifications.EngagementNotifications;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A host that wants Lepton's models and rules but not its ingest or its REST API turns them off by
 * property, and a bean of its own replaces Lepton's where Lepton offers one to replace.
 */
@SpringBootTest(
    properties = {
      "lepton.data-dir=target/lepton-data-parts",
      "lepton.api.enabled=false",
      "lepton.ingest.enabled=false",
      "lepton.news.enabled=false",
      "lepton.actions.enabled=false",
      "lepton.notifications.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:loans-parts;DB_CLOSE_DELAY=-1"
    })
class LeptonPartsSwitchedOffTest {

  @TestConfiguration
  static class BanksOwnRuleSets {
    @Bean
    RuleSetCatalogue banksRuleSets() {
      return () -> Set.of("credit-decision");
    }
  }

  @Autowired ApplicationContext context;
  @Autowired CamelContext camel;
  @Autowired SqlPullPolicy sqlPulls;
  @Autowired RuleSetCatalogue ruleSets;

  @Test
  void theSwitchedOffPartsAreAbsentAndTheRestWorks() {
    assertThat(context.getBeanNamesForType(DecisionController.class)).isEmpty();
    assertThat(context.getBeanNamesForType(DatasetIngestRoute.class)).isEmpty();
    assertThat(context.getBeanNamesForType(EngagementNotifications.class)).isEmpty();
    assertThat(camel.getRoutes()).isEmpty();
    assertThat(context.containsBean("scoreRecord")).isTrue();
    assertThat(context.containsBean("applyRules")).isTrue();
  }

  @Test
  void withoutLeptonsIngestNoSqlPullIsAllowed() {
    assertThatThrownBy(() -> sqlPulls.check("ENG-1", "client", "warehouse", "select 1"))
        .isInstanceOf(SqlPullRefusedException.class)
        .hasMessageContaining("lepton.ingest.enabled=false");
  }

  @Test
  void theHostsOwnRuleSetCatalogueReplacesLeptons() {
    assertThat(ruleSets.decisionRuleSets()).containsExactly("credit-decision");
    assertThat(context.getBeanNamesForType(RuleSetCatalogue.class))
        .containsExactly("banksRuleSets");
  }
}
