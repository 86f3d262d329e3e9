package ai.lepton.ml.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.LeptonDatabase;
import ai.lepton.ml.audit.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The decision log on its own tables (H2, Lepton's migrations): what it keeps, and what monitoring
 * and retraining read.
 */
class DecisionLogTest {

  private JdbcTemplate jdbc;
  private DecisionLog log;

  @BeforeEach
  void freshDatabase() {
    JdbcDataSource dataSource = LeptonDatabase.fresh("decision-log");
    jdbc = new JdbcTemplate(dataSource);
    // the model versions the decisions name are the registry's to make: their rows are left out
    // here
    jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
    log = new DecisionLog(jdbc, new AuditTrail(jdbc, new DataSourceTransactionManager(dataSource)));
  }

  private String decide(String version, int tenure, String prediction) throws InterruptedException {
    Thread.sleep(2); // decisions a little apart in time, as callers make them
    Score score =
        new Score(
            version,
            prediction,
            0.8,
            Map.of("Yes", 0.8, "No", 0.2),
            List.of(),
            List.of(Map.of("attribute", "tenure", "effect", 0.3)));
    return log.record(
        new DecisionLog.Entry(
            "churn-risk",
            "churn-retention",
            "{\"tenure\":" + tenure + "}",
            score,
            "RETENTION_CALL",
            "Call a customer likely to churn",
            "the reason",
            "pi-" + tenure,
            "pm",
            1,
            "a".repeat(64)));
  }

  @Test
  void aDecisionIsKeptAsItWasTakenAndFoundAgain() throws Exception {
    String id = decide("v1", 12, "Yes");

    LoggedDecision found = log.find(id).orElseThrow();
    assertThat(found.features()).containsEntry("tenure", 12);
    assertThat(found.decision()).isEqualTo("RETENTION_CALL");
    assertThat(found.requestedBy()).isEqualTo("pm");
    assertThat(found.processInstanceId()).isEqualTo("pi-12");
    assertThat(found.explanation()).containsExactly(Map.of("attribute", "tenure", "effect", 0.3));
    assertThat(found.ruleSetVersion()).isEqualTo(1);
    assertThat(log.find("dc-no-such-decision")).isEmpty();
  }

  @Test
  void aMonitoringCheckReadsTheNewestDecisionsOfItsVersionOnly() throws Exception {
    Instant before = Instant.now();
    for (int tenure = 1; tenure <= 5; tenure++) {
      decide("v1", tenure, "Yes");
    }
    decide("v2", 99, "No");

    List<String> all = new ArrayList<>();
    assertThat(log.featuresSince("v1", before, 100, all::add)).isEqualTo(5);
    assertThat(all)
        .containsExactlyInAnyOrder(
            "{\"tenure\":1}",
            "{\"tenure\":2}",
            "{\"tenure\":3}",
            "{\"tenure\":4}",
            "{\"tenure\":5}");

    List<String> newest = new ArrayList<>();
    assertThat(log.featuresSince("v1", before, 3, newest::add)).isEqualTo(3);
    assertThat(newest)
        .containsExactlyInAnyOrder("{\"tenure\":3}", "{\"tenure\":4}", "{\"tenure\":5}");

    assertThat(log.featuresSince("v1", Instant.now().plusSeconds(60), 100, all::add)).isZero();
  }

  @Test
  void retrainingReadsTheDecisionsWhoseOutcomeIsKnownOldestFirst() throws Exception {
    Instant before = Instant.now();
    String first = decide("v1", 1, "Yes");
    decide("v1", 2, "Yes");
    String third = decide("v1", 3, "No");

    assertThat(log.recordOutcome(third, "Yes", "am")).isFalse();
    assertThat(log.recordOutcome(first, "Yes", "am")).isTrue();
    assertThatThrownBy(() -> log.recordOutcome(first, "No", "am"))
        .isInstanceOf(DecisionLog.OutcomeRefused.class)
        .hasMessageContaining("already on record");
    assertThatThrownBy(() -> log.recordOutcome("dc-none", "No", "am"))
        .isInstanceOfSatisfying(
            DecisionLog.OutcomeRefused.class, e -> assertThat(e.unknownDecision()).isTrue());

    List<DecisionLog.LabelledFeatures> labelled = log.labelledSince("v1", before);
    assertThat(labelled).extracting(l -> l.features().get("tenure")).containsExactly(1, 3);
    assertThat(labelled)
        .extracting(DecisionLog.LabelledFeatures::actual)
        .containsExactly("Yes", "Yes");
    assertThat(log.labelledSince("v2", before)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM lepton_audit WHERE entry_type = 'OUTCOME_RECORDED'",
                Integer.class))
        .isEqualTo(2);
  }
}
