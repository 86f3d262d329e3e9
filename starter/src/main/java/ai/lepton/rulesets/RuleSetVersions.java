package ai.lepton.rulesets;

import ai.lepton.ml.Json;
import ai.lepton.ml.TimeOrderedId;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.rules.JarRules;
import ai.lepton.rules.RuleCompiler;
import ai.lepton.rules.RuleScenario;
import ai.lepton.rules.RuleSet;
import ai.lepton.rules.RuleSetVersion;
import ai.lepton.rules.RuleSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule sets' versions in Lepton's tables: written once (DRL, SHA-256, author), each with a
 * status history (DRAFT → ACTIVE → RETIRED). On start ({@link #shipJarVersions}) the jar's DRL
 * becomes version 1 and ACTIVE; a jar whose DRL differs from every stored version (a developer
 * changed the file) adds it as the next version, DRAFT, to be released like any other. Which
 * version is ACTIVE is read again after {@code recheck} (the same as the live model version's), so
 * a release on one node of a cluster reaches the others without a restart.
 */
public class RuleSetVersions implements RuleSource {

  private static final Logger LOG = LoggerFactory.getLogger(RuleSetVersions.class);

  /** A version's place in its life: DRAFT → APPROVED (or REJECTED) → ACTIVE → RETIRED. */
  public enum Status {
    DRAFT,
    APPROVED,
    REJECTED,
    ACTIVE,
    RETIRED
  }

  /** A stored version with its current status and its scenarios, as the API lists it. */
  public record Stored(
      String id,
      String ruleSet,
      int version,
      String sha256,
      String author,
      String note,
      Instant createdAt,
      Status status,
      List<RuleScenario> scenarios) {}

  private static final String LATEST_STATUS =
      "(SELECT status FROM lepton_rule_set_status s WHERE s.id ="
          + " (SELECT MAX(id) FROM lepton_rule_set_status WHERE version_id = v.id))";
  private static final String ACTIVE =
      "SELECT version, drl, sha256 FROM lepton_rule_set_version v"
          + " WHERE rule_set = ? AND "
          + LATEST_STATUS
          + " = 'ACTIVE' ORDER BY version DESC";

  private record Kept(RuleSetVersion version, long checkedAt) {}

  private final JdbcTemplate jdbc;
  private final AuditTrail audit;
  private final long recheckNanos;
  private final Map<RuleSet, Kept> active = new ConcurrentHashMap<>();

  public RuleSetVersions(JdbcTemplate jdbc, AuditTrail audit, Duration recheck) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.recheckNanos = recheck.toNanos();
  }

  @Override
  public RuleSetVersion active(RuleSet ruleSet) {
    Kept kept = active.get(ruleSet);
    long now = System.nanoTime();
    if (kept != null && now - kept.checkedAt() < recheckNanos) {
      return kept.version();
    }
    RuleSetVersion current =
        readActive(ruleSet)
            .orElseGet(
                () -> {
                  shipJarVersion(ruleSet);
                  return readActive(ruleSet)
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "Rule set '" + ruleSet.wireName() + "' has no ACTIVE version"));
                });
    active.put(ruleSet, new Kept(current, now));
    return current;
  }

  @Override
  public Optional<RuleSetVersion> version(RuleSet ruleSet, int version) {
    return jdbc
        .query(
            "SELECT version, drl, sha256 FROM lepton_rule_set_version WHERE rule_set = ? AND version = ?",
            (rs, n) ->
                new RuleSetVersion(
                    ruleSet.wireName(), rs.getInt(1), rs.getString(2), rs.getString(3)),
            ruleSet.wireName(),
            version)
        .stream()
        .findFirst();
  }

  /** Every version of a rule set, oldest first, with its status now. */
  public List<Stored> versions(RuleSet ruleSet) {
    active(ruleSet); // the jar's version is there once anyone asks
    return jdbc.query(
        STORED + " WHERE rule_set = ? ORDER BY version",
        RuleSetVersions::stored,
        ruleSet.wireName());
  }

  /**
   * The version that was ACTIVE at an instant, from the status history (which is only ever appended
   * to): "which rules were deciding at time T".
   */
  public Optional<Stored> activeAt(RuleSet ruleSet, Instant at) {
    active(ruleSet);
    List<String> ids =
        jdbc.query(
            "SELECT s.version_id, s.status FROM lepton_rule_set_status s JOIN"
                + " lepton_rule_set_version v ON v.id = s.version_id WHERE v.rule_set = ? AND s.changed_at <= ? ORDER BY s.id",
            (rs, n) -> rs.getString(1) + " " + rs.getString(2),
            ruleSet.wireName(),
            Timestamp.from(at));
    Map<String, String> latest = new LinkedHashMap<>();
    ids.forEach(
        row -> latest.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1)));
    return latest.entrySet().stream()
        .filter(e -> e.getValue().equals(Status.ACTIVE.name()))
        .map(Map.Entry::getKey)
        .reduce((earlier, later) -> later)
        .flatMap(
            id ->
                jdbc.query(STORED + " WHERE id = ?", RuleSetVersions::stored, id).stream()
                    .findFirst());
  }

  /** One stored version by number, with its status now. */
  public Optional<Stored> find(RuleSet ruleSet, int version) {
    active(ruleSet);
    return jdbc
        .query(
            STORED + " WHERE rule_set = ? AND version = ?",
            RuleSetVersions::stored,
            ruleSet.wireName(),
            version)
        .stream()
        .findFirst();
  }

  private static final String STORED =
      "SELECT id, rule_set, version, sha256, author, note, created_at, "
          + LATEST_STATUS
          + ", scenarios_json FROM lepton_rule_set_version v";

  private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String scenarios = rs.getString(9);
    return new Stored(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        Status.valueOf(rs.getString(8)),
        scenarios == null
            ? List.of()
            : Json.readList(scenarios).stream()
                .map(s -> Json.convert(s, RuleScenario.class))
                .toList());
  }

  /**
   * A model risk officer's decision on a submitted version: APPROVED or REJECTED, by whom, why and
   * on what evidence (the impact analysis). Only a DRAFT is decided.
   */
  public void decide(
      Stored version,
      boolean approved,
      String officer,
      String reason,
      Map<String, Object> evidence) {
    Status now = find(RuleSet.of(version.ruleSet()), version.version()).orElseThrow().status();
    if (now != Status.DRAFT) {
      throw new IllegalStateException(
          "Version "
              + version.version()
              + " of rule set "
              + version.ruleSet()
              + " is "
              + now
              + ": only a draft is approved or rejected");
    }
    Status after = approved ? Status.APPROVED : Status.REJECTED;
    status(version, after, officer, reason, evidence);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ruleSet", version.ruleSet());
    payload.put("version", version.version());
    payload.put("sha256", version.sha256());
    payload.put("reason", reason);
    payload.put("evidence", evidence);
    audit.append(
        officer,
        approved ? "RULE_CHANGE_APPROVED" : "RULE_CHANGE_REJECTED",
        "rule-set",
        version.id(),
        payload);
  }

  /**
   * Puts an APPROVED version to work: it becomes ACTIVE and the version active until now RETIRED,
   * both by the approving officer. This node decides with it at once, the others within the
   * recheck.
   */
  public void activate(Stored version) {
    RuleSet ruleSet = RuleSet.of(version.ruleSet());
    Stored now = find(ruleSet, version.version()).orElseThrow();
    if (now.status() != Status.APPROVED) {
      throw new IllegalStateException(
          "Version "
              + version.version()
              + " of rule set "
              + version.ruleSet()
              + " is "
              + now.status()
              + ": only an approved version goes to work");
    }
    String officer =
        jdbc.queryForObject(
            "SELECT changed_by FROM lepton_rule_set_status WHERE id = (SELECT MAX(id)"
                + " FROM lepton_rule_set_status WHERE version_id = ?)",
            String.class,
            version.id());
    for (Stored previous : versions(ruleSet)) {
      if (previous.status() == Status.ACTIVE) {
        status(previous, Status.RETIRED, officer, "replaced by version " + version.version(), null);
      }
    }
    status(version, Status.ACTIVE, officer, "released", null);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ruleSet", version.ruleSet());
    payload.put("version", version.version());
    payload.put("sha256", version.sha256());
    audit.append(officer, "RULE_SET_VERSION_ACTIVE", "rule-set", version.id(), payload);
    active.remove(ruleSet);
  }

  private void status(
      Stored version, Status status, String by, String reason, Map<String, Object> evidence) {
    jdbc.update(
        "INSERT INTO lepton_rule_set_status (version_id, status, changed_by, changed_at, reason,"
            + " evidence_json) VALUES (?, ?, ?, ?, ?, ?)",
        version.id(),
        status.name(),
        by,
        Timestamp.from(Instant.now()),
        reason,
        evidence == null ? null : Json.write(evidence));
  }

  /**
   * Adds a version as a DRAFT once it compiles; it decides nothing until it is released.
   *
   * @throws ai.lepton.rules.RuleCompileException naming the lines Drools could not compile
   */
  public Stored addDraft(
      RuleSet ruleSet, String drl, String author, String note, List<RuleScenario> scenarios) {
    active(ruleSet);
    RuleCompiler.compile(ruleSet, RuleSetVersion.of(ruleSet.wireName(), 0, drl));
    return insert(ruleSet, drl, author, note, Status.DRAFT, "added; compiles", scenarios);
  }

  private Optional<RuleSetVersion> readActive(RuleSet ruleSet) {
    return jdbc
        .query(
            ACTIVE,
            (rs, n) ->
                new RuleSetVersion(
                    ruleSet.wireName(), rs.getInt(1), rs.getString(2), rs.getString(3)),
            ruleSet.wireName())
        .stream()
        .findFirst();
  }

  /**
   * On start, before anything decides: each rule set's jar DRL as version 1 (ACTIVE) on first
   * start, or as a new DRAFT when it differs from every stored version; each in a transaction of
   * its own, so that a node of a cluster that stores the same version a moment later only loses its
   * own insert.
   */
  public void shipJarVersions(TransactionTemplate transaction) {
    for (RuleSet ruleSet : RuleSet.values()) {
      try {
        transaction.executeWithoutResult(status -> shipJarVersion(ruleSet));
      } catch (DataIntegrityViolationException anotherNodeWasFirst) {
        LOG.info("Rule set '{}': another node stored the jar's version first", ruleSet.wireName());
      }
    }
  }

  /**
   * The jar's DRL as version 1 (ACTIVE) on first start, or as a new DRAFT when it differs from
   * every version.
   */
  private void shipJarVersion(RuleSet ruleSet) {
    RuleSetVersion shipped = JarRules.shipped(ruleSet);
    Integer known =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM lepton_rule_set_version WHERE rule_set = ?" + " AND sha256 = ?",
            Integer.class,
            ruleSet.wireName(),
            shipped.sha256());
    if (known != null && known > 0) {
      return;
    }
    boolean first = readActive(ruleSet).isEmpty();
    Stored stored =
        insert(
            ruleSet,
            shipped.drl(),
            "lepton",
            "the rules shipped in Lepton's jar",
            first ? Status.ACTIVE : Status.DRAFT,
            first
                ? "version 1: the rules shipped in Lepton's jar"
                : "the jar's rules differ from every stored version",
            List.of());
    if (!first) {
      LOG.warn(
          "The rules of '{}' in this jar differ from every stored version: kept as version {} (DRAFT); they"
              + " decide only once released",
          ruleSet.wireName(),
          stored.version());
    }
  }

  private Stored insert(
      RuleSet ruleSet,
      String drl,
      String author,
      String note,
      Status status,
      String reason,
      List<RuleScenario> scenarios) {
    RuleSetVersion numbered = RuleSetVersion.of(ruleSet.wireName(), nextVersion(ruleSet), drl);
    String id = TimeOrderedId.next("rsv");
    Instant now = Instant.now();
    jdbc.update(
        "INSERT INTO lepton_rule_set_version (id, rule_set, version, drl, sha256, author, note, created_at,"
            + " scenarios_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        ruleSet.wireName(),
        numbered.version(),
        drl,
        numbered.sha256(),
        author,
        note,
        Timestamp.from(now),
        scenarios.isEmpty() ? null : Json.write(scenarios));
    jdbc.update(
        "INSERT INTO lepton_rule_set_status (version_id, status, changed_by, changed_at, reason)"
            + " VALUES (?, ?, ?, ?, ?)",
        id,
        status.name(),
        author,
        Timestamp.from(now),
        reason);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ruleSet", ruleSet.wireName());
    payload.put("version", numbered.version());
    payload.put("sha256", numbered.sha256());
    payload.put("status", status.name());
    payload.put("note", note);
    audit.append(author, "RULE_SET_VERSION_ADDED", "rule-set", id, payload);
    return new Stored(
        id,
        ruleSet.wireName(),
        numbered.version(),
        numbered.sha256(),
        author,
        note,
        now,
        status,
        List.copyOf(scenarios));
  }

  private int nextVersion(RuleSet ruleSet) {
    Integer max =
        jdbc.queryForObject(
            "SELECT MAX(version) FROM lepton_rule_set_version WHERE rule_set = ?",
            Integer.class,
            ruleSet.wireName());
    return max == null ? 1 : max + 1;
  }
}
