package ai.lepton.ml.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of walking the chain: valid with the number of entries, or the first sequence number
 * whose entry does not hash to what is stored (or does not follow the one before), and why (both
 * absent when valid).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(
    boolean valid, long entries, Long firstBrokenSequence, String reason) {}
