package ai.lepton.api;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.audit.AuditEntry;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.audit.AuditVerification;
import ai.lepton.ml.card.EngagementRecord;
import ai.lepton.ml.card.EngagementRecordBuilder;
import ai.lepton.ml.task.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors, model risk officers and administrators: the entries in order, and a
 * walk of the hash chain that says whether anything was changed.
 */
@RestController
public class AuditController {

  private final AuditTrail audit;
  private final IdentityService identity;
  private final EngagementRecordBuilder records;

  public AuditController(
      AuditTrail audit, IdentityService identity, EngagementRecordBuilder records) {
    this.audit = audit;
    this.identity = identity;
    this.records = records;
  }

  /** Entries after sequence number {@code after}, oldest first, at most {@code limit} (≤ 1,000). */
  @GetMapping("/api/audit")
  public List<AuditEntry> entries(
      @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "500") int limit) {
    requireReader();
    return audit.entries(after, Math.max(1, Math.min(limit, 1000)));
  }

  /** {@code {"valid": true, "entries": N}}, or the first broken sequence number and why. */
  @GetMapping("/api/audit/verify")
  public AuditVerification verify() {
    requireReader();
    return audit.verify();
  }

  /**
   * An engagement's whole record (Annex IV sections: description, data, training, validation,
   * approval, deployment, monitoring, changes) as JSON, or with {@code ?format=csv} as rows for a
   * spreadsheet.
   */
  @GetMapping("/api/audit/engagements/{key}")
  @Operation(
      summary = "An engagement's whole record, as JSON or as CSV rows",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The engagement's record",
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EngagementRecord.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
              }))
  public ResponseEntity<?> engagement(
      @PathVariable String key, @RequestParam(defaultValue = "json") String format) {
    requireReader();
    EngagementRecord record = records.build(key);
    if (record == null) {
      throw new ApiException(
          HttpStatus.NOT_FOUND, "Unknown engagement", "No engagement has the id '" + key + "'");
    }
    if ("csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(
              HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + key + "-record.csv\"")
          .body(EngagementRecordBuilder.csv(record));
    }
    if (!"json".equalsIgnoreCase(format)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Unknown format",
          "format must be json or csv, not '" + format + "'");
    }
    return ResponseEntity.ok(record);
  }

  private void requireReader() {
    if (CurrentUser.groups(identity).stream().noneMatch(LeptonGroups.AUDIT_READERS::contains)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Only auditors, model risk officers and administrators may read the audit trail");
    }
  }
}
