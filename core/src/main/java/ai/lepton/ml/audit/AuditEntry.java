package ai.lepton.ml.audit;

import java.util.Map;

/**
 * One entry of the audit trail as stored: its place in the chain, who did what to which subject,
 * and the hashes.
 */
public record AuditEntry(
    long seq,
    String recordedAt,
    String actor,
    String type,
    String subjectType,
    String subjectId,
    Map<String, Object> payload,
    String previousHash,
    String hash) {}
