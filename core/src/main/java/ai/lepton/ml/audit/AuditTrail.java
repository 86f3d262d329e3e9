package ai.lepton.ml.audit;

import ai.lepton.ml.Json;
import ai.lepton.ml.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lepton's audit trail: one append-only table, each entry hash-chained to the previous one. An
 * entry is written in the transaction of the action it records (it exists exactly when the action
 * does); refusals, whose own transaction rolls back, are written in a transaction of their own.
 * This class has no way to change or remove an entry.
 */
@Component
public class AuditTrail {

  public static final String GENESIS = "0".repeat(64);

  private static final String LOCK_HEAD =
      "SELECT last_seq, last_hash FROM lepton_audit_head WHERE id = 1 FOR UPDATE";
  private static final String MOVE_HEAD =
      "UPDATE lepton_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";
  private static final String INSERT =
      "INSERT INTO lepton_audit (seq, recorded_at, actor, entry_type, subject_type, subject_id, entry_json,"
          + " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT =
      "SELECT seq, recorded_at, actor, entry_type, subject_type, subject_id, entry_json, previous_hash, hash"
          + " FROM lepton_audit";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate joinOrStart;
  private final TransactionTemplate ownTransaction;
  private final List<Consumer<AuditEntry>> committed = new CopyOnWriteArrayList<>();

  public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.joinOrStart = new TransactionTemplate(transactions);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Hands {@code listener} every entry once its transaction has committed (for counting them, or
   * telling people what happened): an entry whose action rolled back is never handed on.
   */
  public void whenCommitted(Consumer<AuditEntry> listener) {
    committed.add(listener);
  }

  /**
   * Records an action in the current transaction (or a new one when there is none); returns its
   * sequence number.
   */
  public long append(
      String actor, String type, String subjectType, String subjectId, Map<String, ?> payload) {
    return joinOrStart.execute(status -> write(actor, type, subjectType, subjectId, payload));
  }

  /**
   * Records something that must stay even though the caller's transaction rolls back (a refused
   * action), in a transaction of its own. When the caller's transaction has itself appended, it
   * holds the head of the chain until it ends; the entry is then written as soon as it has ended
   * (committed or rolled back), after the caller's entries, instead of waiting on that lock.
   */
  public void appendRegardless(
      String actor, String type, String subjectType, String subjectId, Map<String, ?> payload) {
    if (holdsHead()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              ownTransaction.execute(own -> write(actor, type, subjectType, subjectId, payload));
            }
          });
      return;
    }
    ownTransaction.execute(status -> write(actor, type, subjectType, subjectId, payload));
  }

  /**
   * Marks a transaction that has locked the head of the chain (it keeps the lock until it ends).
   */
  private static final class HeadLocked implements TransactionSynchronization {}

  private static boolean holdsHead() {
    return TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.getSynchronizations().stream()
            .anyMatch(HeadLocked.class::isInstance);
  }

  /**
   * An authorization refused (AUTHORIZATION_REFUSED), in a transaction of its own so it stays when
   * the caller's rolls back: who, on what, trying what, why, and any details (groups, task,
   * origin...).
   */
  public void refusal(
      String actor,
      String subjectType,
      String subjectId,
      String action,
      String reason,
      Map<String, ?> details) {
    Map<String, Object> payload = new java.util.LinkedHashMap<>();
    payload.put("action", action);
    payload.put("reason", reason);
    if (details != null) {
      payload.putAll(details);
    }
    appendRegardless(actor, "AUTHORIZATION_REFUSED", subjectType, subjectId, payload);
  }

  private long write(
      String actor, String type, String subjectType, String subjectId, Map<String, ?> payload) {
    Map<String, Object> head = jdbc.queryForMap(LOCK_HEAD);
    if (TransactionSynchronizationManager.isSynchronizationActive() && !holdsHead()) {
      TransactionSynchronizationManager.registerSynchronization(new HeadLocked());
    }
    long seq = ((Number) head.get("last_seq")).longValue() + 1;
    String previous = head.get("last_hash").toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String document =
        document(
            seq,
            now.toString(),
            actor == null ? "unknown" : actor,
            type,
            subjectType,
            subjectId,
            payload == null ? Map.of() : payload);
    String hash = hash(previous, document);
    jdbc.update(
        INSERT,
        seq,
        Timestamp.from(now),
        actor == null ? "unknown" : actor,
        type,
        subjectType,
        subjectId,
        document,
        previous,
        hash);
    jdbc.update(MOVE_HEAD, seq, hash);
    if (!committed.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
      AuditEntry entry =
          new AuditEntry(
              seq,
              now.toString(),
              actor == null ? "unknown" : actor,
              type,
              subjectType,
              subjectId,
              payload == null
                  ? Map.of()
                  : Collections.unmodifiableMap(new LinkedHashMap<>(payload)),
              previous,
              hash);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              committed.forEach(listener -> listener.accept(entry));
            }
          });
    }
    return seq;
  }

  /** Walks the whole chain from the first entry. */
  public AuditVerification verify() {
    String previous = GENESIS;
    long expected = 1;
    List<Map<String, Object>> rows = jdbc.queryForList(SELECT + " ORDER BY seq");
    for (Map<String, Object> row : rows) {
      long seq = ((Number) row.get("seq")).longValue();
      if (seq != expected) {
        return broken(rows.size(), expected, "entry " + expected + " is missing");
      }
      String document = row.get("entry_json").toString();
      if (!previous.equals(row.get("previous_hash").toString())) {
        return broken(rows.size(), seq, "its previous hash is not the hash of entry " + (seq - 1));
      }
      if (!hash(previous, document).equals(row.get("hash").toString())) {
        return broken(rows.size(), seq, "its content does not hash to the stored hash");
      }
      String mismatch = columnsAgree(row, Json.readMap(document));
      if (mismatch != null) {
        return broken(rows.size(), seq, mismatch + " differs from the hashed entry");
      }
      previous = row.get("hash").toString();
      expected++;
    }
    return new AuditVerification(true, rows.size(), null, null);
  }

  public List<AuditEntry> entriesAbout(String subjectType, String subjectId) {
    return jdbc.query(
        SELECT + " WHERE subject_type = ? AND subject_id = ? ORDER BY seq",
        ENTRY,
        subjectType,
        subjectId);
  }

  public List<AuditEntry> entries(long afterSeq, int limit) {
    return jdbc.query(SELECT + " WHERE seq > ? ORDER BY seq LIMIT ?", ENTRY, afterSeq, limit);
  }

  /** Entries whose payload mentions a value (an engagement key, a model version id) anywhere. */
  public List<AuditEntry> entriesMentioning(String value) {
    return jdbc.query(
        SELECT + " WHERE subject_id = ? OR entry_json LIKE ? ORDER BY seq",
        ENTRY,
        value,
        "%\"" + value.replace("%", "").replace("_", "\\_") + "\"%");
  }

  static String document(
      long seq,
      String recordedAt,
      String actor,
      String type,
      String subjectType,
      String subjectId,
      Map<String, ?> payload) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("seq", seq);
    entry.put("recordedAt", recordedAt);
    entry.put("actor", actor);
    entry.put("type", type);
    entry.put("subjectType", subjectType);
    entry.put("subjectId", subjectId);
    entry.put("payload", payload);
    return CanonicalJson.write(entry);
  }

  static String hash(String previousHash, String document) {
    return Sha256.hex((previousHash + document).getBytes(StandardCharsets.UTF_8));
  }

  private static String columnsAgree(Map<String, Object> row, Map<String, Object> entry) {
    if (!Objects.equals(row.get("actor"), entry.get("actor"))) {
      return "actor";
    }
    if (!Objects.equals(row.get("entry_type"), entry.get("type"))) {
      return "type";
    }
    if (!Objects.equals(row.get("subject_type"), entry.get("subjectType"))
        || !Objects.equals(row.get("subject_id"), entry.get("subjectId"))) {
      return "subject";
    }
    Instant stored = ((Timestamp) row.get("recorded_at")).toInstant();
    if (!stored.toString().equals(entry.get("recordedAt"))
        && !stored.equals(Instant.parse(entry.get("recordedAt").toString()))) {
      return "time";
    }
    return null;
  }

  private static AuditVerification broken(long entries, long seq, String reason) {
    return new AuditVerification(false, entries, seq, "entry " + seq + ": " + reason);
  }

  private static final RowMapper<AuditEntry> ENTRY =
      (rs, n) -> {
        Map<String, Object> document = Json.readMap(rs.getString(7));
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) document.get("payload");
        return new AuditEntry(
            rs.getLong(1),
            rs.getTimestamp(2).toInstant().toString(),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            payload,
            rs.getString(8),
            rs.getString(9));
      };
}
