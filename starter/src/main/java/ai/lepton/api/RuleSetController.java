package ai.lepton.api;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.rules.RuleCompileException;
import ai.lepton.rules.RuleSet;
import ai.lepton.rules.RuleSetVersion;
import ai.lepton.rules.RuleSource;
import ai.lepton.rules.UnknownRuleSetException;
import ai.lepton.rulesets.RuleSetVersions;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule sets' versions: every version with its SHA-256, author and status, the DRL of each, and new versions
 * added as drafts by rule authors (data scientists) once they compile. A draft decides nothing until it is released.
 */
@RestController
public class RuleSetController {

  /** Who may add a version of a rule set. */
  static final List<String> AUTHORS = List.of(LeptonGroups.DATA_SCIENTISTS, LeptonGroups.ADMIN);

  private final RuleSource source;
  private final IdentityService identity;
  private final AuditTrail audit;

  public RuleSetController(RuleSource source, IdentityService identity, AuditTrail audit) {
    this.source = source;
    this.identity = identity;
    this.audit = audit;
  }

  @GetMapping("/api/rule-sets/{name}/versions")
  @Operation(summary = "Every version of a rule set, oldest first, with its SHA-256, author and status")
  public List<RuleSetVersions.Stored> versions(@PathVariable String name) {
    return store().versions(ruleSet(name));
  }

  @GetMapping("/api/rule-sets/{name}/versions/{version}")
  @Operation(summary = "One version of a rule set with its DRL")
  public RuleSetVersion version(@PathVariable String name, @PathVariable int version) {
    return source.version(ruleSet(name), version).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
        "Unknown version", "Rule set '" + name + "' has no version " + version));
  }

  @PostMapping(path = "/api/rule-sets/{name}/versions", consumes = "text/plain")
  @Operation(summary = "Add a version (DRL as text/plain) as a draft once it compiles",
      description = "201 with the draft; 400 naming the lines Drools could not compile; 403 for anyone but data"
          + " scientists and administrators. A draft decides nothing until it is released.")
  public ResponseEntity<RuleSetVersions.Stored> add(@PathVariable String name,
      @RequestParam(required = false) String note, @RequestBody(required = false) String drl) {
    RuleSet ruleSet = ruleSet(name);
    List<String> groups = LeptonGroups.ofCurrentUser(identity);
    String user = identity.getCurrentAuthentication().getUserId();
    if (groups.stream().noneMatch(AUTHORS::contains)) {
      audit.refusal(user, "rule-set", name, "add rule set version", "only rule authors add versions",
          Map.of("groups", groups));
      throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden",
          "Versions of rule sets are added by data scientists and administrators");
    }
    if (drl == null || drl.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "No rules", "Send the rule set's DRL as text/plain");
    }
    try {
      return ResponseEntity.status(HttpStatus.CREATED).body(store().addDraft(ruleSet, drl, user, note));
    } catch (RuleCompileException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Rules do not compile", e.getMessage());
    }
  }

  private RuleSetVersions store() {
    if (source instanceof RuleSetVersions versions) {
      return versions;
    }
    throw new ApiException(HttpStatus.NOT_FOUND, "No rule set versions",
        "This application runs the rules of Lepton's jar only: no versions are stored");
  }

  private static RuleSet ruleSet(String name) {
    try {
      return RuleSet.of(name);
    } catch (UnknownRuleSetException e) {
      throw new ApiException(HttpStatus.NOT_FOUND, "Unknown rule set", e.getMessage());
    }
  }
}
