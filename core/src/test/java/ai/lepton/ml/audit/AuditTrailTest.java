package ai.lepton.ml.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.ml.LeptonDatabase;
import ai.lepton.ml.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on its own tables (H2, Lepton's migrations): entries form one hash chain that
 * verifies until a row is altered behind its back, are found by subject, sequence and mention, and
 * are handed on or kept according to how their transaction ends.
 */
class AuditTrailTest {

  private JdbcTemplate jdbc;
  private TransactionTemplate transaction;
  private AuditTrail audit;

  @BeforeEach
  void freshDatabase() {
    JdbcDataSource dataSource = LeptonDatabase.fresh("audit-trail");
    jdbc = new JdbcTemplate(dataSource);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    transaction = new TransactionTemplate(transactions);
    audit = new AuditTrail(jdbc, transactions);
  }

  private long approval(String modelVersionId, String engagement) {
    return audit.append(
        "mro",
        "APPROVAL_GRANTED",
        "model",
        modelVersionId,
        Map.of("engagement", engagement, "reason", "granted on the holdout"));
  }

  private void threeEntries() {
    approval("mv-1", "credit-1");
    audit.append(null, "DATASET_STORED", "dataset", "ds-1", Map.of("engagement", "credit-1"));
    approval("mv-2", "credit-2");
  }

  private String storedDocument(long seq) {
    return jdbc.queryForObject(
        "SELECT entry_json FROM lepton_audit WHERE seq = ?", String.class, seq);
  }

  @Test
  void eachEntryHashesTheOneBeforeItWithItsOwnContent() {
    threeEntries();

    List<AuditEntry> chain = audit.entries(0, 10);
    assertThat(chain).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(chain.get(0).previousHash()).isEqualTo(AuditTrail.GENESIS);
    assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
    assertThat(chain.get(2).previousHash()).isEqualTo(chain.get(1).hash());
    for (AuditEntry entry : chain) {
      String covered = entry.previousHash() + storedDocument(entry.seq());
      assertThat(entry.hash())
          .isEqualTo(Sha256.hex(covered.getBytes(StandardCharsets.UTF_8)))
          .isNotEqualTo(entry.previousHash());
    }
    assertThat(chain.get(1).actor()).isEqualTo("unknown");
    assertThat(chain.get(0).payload()).containsEntry("engagement", "credit-1");
  }

  @Test
  void anUntouchedChainVerifies() {
    threeEntries();

    assertThat(audit.verify()).isEqualTo(new AuditVerification(true, 3, null, null));
  }

  @Test
  void aPayloadAlteredInTheTableBreaksTheChainAtThatEntry() {
    threeEntries();
    jdbc.update(
        "UPDATE lepton_audit SET entry_json = REPLACE(entry_json, 'credit-1', 'credit-9')"
            + " WHERE seq = 2");

    assertThat(audit.verify())
        .isEqualTo(
            new AuditVerification(
                false, 3, 2L, "entry 2: its content does not hash to the stored hash"));
  }

  @Test
  void anActorAlteredInTheTableIsNamedAsTheBrokenEntry() {
    threeEntries();
    jdbc.update("UPDATE lepton_audit SET actor = 'someone-else' WHERE seq = 3");

    assertThat(audit.verify())
        .isEqualTo(
            new AuditVerification(false, 3, 3L, "entry 3: actor differs from the hashed entry"));
  }

  @Test
  void aDeletedEntryIsNamedAsMissing() {
    threeEntries();
    jdbc.update("DELETE FROM lepton_audit WHERE seq = 2");

    assertThat(audit.verify())
        .isEqualTo(new AuditVerification(false, 2, 2L, "entry 2: entry 2 is missing"));
  }

  @Test
  void aRefusalIsKeptWithWhatWasTriedAndWhyEvenWhenTheCallerRollsBack() {
    transaction.executeWithoutResult(
        status -> {
          audit.refusal(
              "analyst",
              "model",
              "mv-1",
              "approve",
              "not a model risk officer",
              Map.of("groups", List.of("analysts")));
          status.setRollbackOnly();
        });

    assertThat(audit.entriesAbout("model", "mv-1"))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.type()).isEqualTo("AUTHORIZATION_REFUSED");
              assertThat(refusal.actor()).isEqualTo("analyst");
              assertThat(refusal.payload())
                  .isEqualTo(
                      Map.of(
                          "action",
                          "approve",
                          "reason",
                          "not a model risk officer",
                          "groups",
                          List.of("analysts")));
            });
  }

  @Test
  void entriesAreFoundBySubjectBySequenceAndByWhatTheyMention() {
    threeEntries();

    assertThat(audit.entriesAbout("model", "mv-2")).extracting(AuditEntry::seq).containsExactly(3L);
    assertThat(audit.entriesAbout("dataset", "mv-2")).isEmpty();
    assertThat(audit.entries(1, 1)).extracting(AuditEntry::seq).containsExactly(2L);
    assertThat(audit.entries(3, 10)).isEmpty();
    assertThat(audit.entriesMentioning("credit-1"))
        .extracting(AuditEntry::seq)
        .containsExactly(1L, 2L);
    assertThat(audit.entriesMentioning("ds-1")).extracting(AuditEntry::seq).containsExactly(2L);
    assertThat(audit.entriesMentioning("credit")).isEmpty();
    assertThat(audit.entriesMentioning("credit_1")).isEmpty();
  }

  @Test
  void listenersAreHandedAnEntryOnlyOnceItsTransactionCommitted() {
    List<AuditEntry> handed = new ArrayList<>();
    audit.whenCommitted(handed::add);

    transaction.executeWithoutResult(
        status -> {
          approval("mv-1", "credit-1");
          assertThat(handed).isEmpty();
        });
    transaction.executeWithoutResult(
        status -> {
          approval("mv-2", "credit-2");
          status.setRollbackOnly();
        });
    approval("mv-3", "credit-3");

    assertThat(handed).extracting(AuditEntry::subjectId).containsExactly("mv-1", "mv-3");
    assertThat(handed).extracting(AuditEntry::seq).containsExactly(1L, 2L);
    assertThat(audit.entries(0, 10))
        .extracting(AuditEntry::subjectId)
        .containsExactly("mv-1", "mv-3");
  }

  @Test
  void anAppendGoesWithItsTransactionWhileAnAppendRegardlessStays() {
    transaction.executeWithoutResult(
        status -> {
          audit.appendRegardless(
              "lepton", "MODEL_TRANSITION_REFUSED", "model", "mv-1", Map.of("to", "DEPLOYED"));
          audit.append("mro", "MODEL_DEPLOYED", "model", "mv-1", Map.of("to", "DEPLOYED"));
          status.setRollbackOnly();
        });
    approval("mv-2", "credit-2");

    assertThat(audit.entries(0, 10))
        .extracting(AuditEntry::type)
        .containsExactly("MODEL_TRANSITION_REFUSED", "APPROVAL_GRANTED");
    assertThat(audit.verify()).isEqualTo(new AuditVerification(true, 2, null, null));
  }

  @Test
  void anAppendRegardlessAfterAnAppendInTheSameTransactionFollowsItInsteadOfWaitingForIt() {
    transaction.executeWithoutResult(
        status -> {
          audit.append("mro", "MODEL_DEPLOYED", "model", "mv-1", Map.of("to", "DEPLOYED"));
          audit.appendRegardless(
              "lepton", "MODEL_TRANSITION_REFUSED", "model", "mv-2", Map.of("to", "DEPLOYED"));
          status.setRollbackOnly();
        });
    transaction.executeWithoutResult(
        status -> {
          audit.append("mro", "MODEL_DEPLOYED", "model", "mv-3", Map.of("to", "DEPLOYED"));
          audit.refusal("pm", "model", "mv-3", "deploy", "not a model risk officer", null);
        });

    assertThat(audit.entries(0, 10))
        .extracting(AuditEntry::type)
        .containsExactly("MODEL_TRANSITION_REFUSED", "MODEL_DEPLOYED", "AUTHORIZATION_REFUSED");
    assertThat(audit.verify().valid()).isTrue();
  }
}
