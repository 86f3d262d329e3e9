package ai.lepton.api;

import ai.lepton.access.LeptonGroups;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.ml.task.CurrentUser;
import ai.lepton.process.ProcessKey;
import ai.lepton.rules.DecisionTables;
import ai.lepton.rules.RuleCompileException;
import ai.lepton.rules.RuleScenario;
import ai.lepton.rules.RuleService;
import ai.lepton.rules.RuleSet;
import ai.lepton.rules.RuleSetVersion;
import ai.lepton.rules.RuleSource;
import ai.lepton.rules.UnknownRuleSetException;
import ai.lepton.rulesets.RuleChangeKey;
import ai.lepton.rulesets.RuleSetVersions;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule sets' versions: every version with its SHA-256, author and status, the DRL of each, new
 * versions added as drafts by rule authors (data scientists) once they compile, with their
 * scenarios, and submitted for release once the scenarios pass: rule-change then analyses the
 * impact and a model risk officer (not the author) releases or rejects it. A draft decides nothing
 * until it is released.
 */
@RestController
public class RuleSetController {

  /** Who may add a version of a rule set. */
  static final List<String> AUTHORS = List.of(LeptonGroups.DATA_SCIENTISTS, LeptonGroups.ADMIN);

  /** A new version as JSON: the DRL, a note, and the scenarios that travel with it. */
  public record NewVersion(String drl, String note, List<RuleScenario> scenarios) {}

  /**
   * A submitted version: the rule-change instance that releases it, and how its scenarios came out.
   */
  public record Submitted(
      String processInstanceId, String businessKey, List<RuleScenario.Result> scenarios) {}

  private final RuleSource source;
  private final IdentityService identity;
  private final AuditTrail audit;
  private final RuleService rules;
  private final RuntimeService runtime;
  private final AsLepton asLepton;

  public RuleSetController(
      RuleSource source,
      IdentityService identity,
      AuditTrail audit,
      RuleService rules,
      RuntimeService runtime,
      AsLepton asLepton) {
    this.source = source;
    this.identity = identity;
    this.audit = audit;
    this.rules = rules;
    this.runtime = runtime;
    this.asLepton = asLepton;
  }

  @GetMapping("/api/rule-sets/{name}/versions")
  @Operation(
      summary = "Every version of a rule set, oldest first, with its SHA-256, author and status")
  public List<RuleSetVersions.Stored> versions(@PathVariable String name) {
    return store().versions(ruleSet(name));
  }

  @GetMapping("/api/rule-sets/{name}/active")
  @Operation(
      summary =
          "The version of a rule set that was deciding at an instant (ISO-8601; now when omitted)")
  public RuleSetVersions.Stored activeAt(
      @PathVariable String name, @RequestParam(required = false) String at) {
    java.time.Instant instant;
    try {
      instant = at == null ? java.time.Instant.now() : java.time.Instant.parse(at);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid instant",
          "'at' must be an ISO-8601 instant such as 2026-11-29T08:00:00Z, not '" + at + "'");
    }
    return store()
        .activeAt(ruleSet(name), instant)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "No active version",
                    "No version of '" + name + "' was deciding at " + instant));
  }

  @GetMapping("/api/rule-sets/{name}/versions/{version}")
  @Operation(summary = "One version of a rule set with its DRL")
  public RuleSetVersion version(@PathVariable String name, @PathVariable int version) {
    return source
        .version(ruleSet(name), version)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "Unknown version",
                    "Rule set '" + name + "' has no version " + version));
  }

  @PostMapping(path = "/api/rule-sets/{name}/versions", consumes = "text/plain")
  @Operation(
      summary = "Add a version (DRL as text/plain) as a draft once it compiles",
      description =
          "201 with the draft; 400 naming the lines Drools could not compile; 403 for anyone but data"
              + " scientists and administrators. A draft decides nothing until it is released.")
  public ResponseEntity<RuleSetVersions.Stored> add(
      @PathVariable String name,
      @RequestParam(required = false) String note,
      @RequestBody(required = false) String drl) {
    return added(
        ruleSet(name), author(name, "add rule set version"), new NewVersion(drl, note, List.of()));
  }

  /** XLSX, as spreadsheets send it. */
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @PostMapping(
      path = "/api/rule-sets/{name}/versions",
      consumes = {"text/csv", XLSX})
  @Operation(
      summary =
          "Add a version kept as a Drools decision table (CSV or XLSX) as a draft once it compiles",
      description =
          "Drools' own decision-table compiler turns the table into the DRL the version stores and runs."
              + " 201; 400 for a table Drools cannot read or rules that do not compile; 403 as for DRL.")
  public ResponseEntity<RuleSetVersions.Stored> addDecisionTable(
      @PathVariable String name,
      @RequestParam(required = false) String note,
      @RequestBody(required = false) byte[] table,
      jakarta.servlet.http.HttpServletRequest request) {
    RuleSet ruleSet = ruleSet(name);
    String user = author(name, "add rule set version");
    if (table == null || table.length == 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "No table", "Send the decision table as text/csv or XLSX");
    }
    DecisionTables.Format format =
        request.getContentType().startsWith("text/csv")
            ? DecisionTables.Format.CSV
            : DecisionTables.Format.XLSX;
    String drl;
    try {
      drl = DecisionTables.toDrl(ruleSet.wireName(), table, format);
    } catch (RuleCompileException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Rules do not compile", e.getMessage());
    }
    return added(
        ruleSet,
        user,
        new NewVersion(
            drl, note == null ? "from a decision table (" + format + ")" : note, List.of()));
  }

  @PostMapping(path = "/api/rule-sets/{name}/versions", consumes = "application/json")
  @Operation(
      summary =
          "Add a version with its test scenarios ({drl, note, scenarios}) as a draft once it compiles",
      description =
          "Each scenario: name, given (the variables the rule set reads, e.g. features and distribution),"
              + " expectDecision, optionally expectRulesFired. 201; 400 for rules that do not compile (naming the lines)"
              + " or a scenario without a name or expected decision; 403 for anyone but data scientists and admins.")
  public ResponseEntity<RuleSetVersions.Stored> addWithScenarios(
      @PathVariable String name, @RequestBody NewVersion version) {
    return added(ruleSet(name), author(name, "add rule set version"), version);
  }

  @PostMapping("/api/rule-sets/{name}/versions/{version}/submit")
  @Operation(
      summary =
          "Submit a draft for release: its scenarios run, then rule-change analyses its impact and"
              + " asks a model risk officer",
      description =
          "201 with the rule-change instance; 400 when the draft has no scenario or one fails (each"
              + " result listed); 409 when it is not a draft or a release of it is already under way; 403 for anyone"
              + " but data scientists and admins.")
  public ResponseEntity<Submitted> submit(@PathVariable String name, @PathVariable int version) {
    RuleSet ruleSet = ruleSet(name);
    String user = author(name, "submit rule set version");
    RuleSetVersions.Stored stored =
        store()
            .find(ruleSet, version)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.NOT_FOUND,
                        "Unknown version",
                        "Rule set '" + name + "' has no version " + version));
    if (stored.status() != RuleSetVersions.Status.DRAFT) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Not a draft",
          "Version "
              + version
              + " of "
              + name
              + " is "
              + stored.status()
              + ": only a draft is submitted");
    }
    if (stored.scenarios().isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "No scenarios",
          "A version is released with the scenarios"
              + " that show what it decides: add it again with at least one (POST …/versions as application/json)");
    }
    RuleSetVersion rulesOf = source.version(ruleSet, version).orElseThrow();
    List<RuleScenario.Result> results =
        stored.scenarios().stream().map(s -> s.runOn(rules, ruleSet, rulesOf)).toList();
    if (results.stream().anyMatch(r -> !r.passed())) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Scenarios fail",
          results.stream()
              .filter(r -> !r.passed())
              .map(r -> r.name() + ": " + r.why())
              .reduce((a, b) -> a + "; " + b)
              .orElse(""));
    }
    String key = new RuleChangeKey(ruleSet, version).toString();
    if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0) {
      throw new ApiException(
          HttpStatus.CONFLICT, "Already submitted", "A release of " + key + " is under way");
    }
    String instance =
        asLepton.run(
            () ->
                runtime
                    .startProcessInstanceByKey(
                        ProcessKey.RULE_CHANGE.key(),
                        key,
                        Map.of("ruleSet", name, "ruleSetVersion", version, "submittedBy", user))
                    .getId());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Submitted(instance, key, results));
  }

  private ResponseEntity<RuleSetVersions.Stored> added(
      RuleSet ruleSet, String user, NewVersion version) {
    if (version == null || version.drl() == null || version.drl().isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "No rules",
          "Send the rule set's DRL (text/plain, or drl in" + " a JSON body)");
    }
    List<RuleScenario> scenarios = version.scenarios() == null ? List.of() : version.scenarios();
    for (RuleScenario scenario : scenarios) {
      if (scenario == null
          || scenario.name() == null
          || scenario.expectDecision() == null
          || scenario.given() == null) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "Incomplete scenario",
            "Each scenario needs a name, the facts given and the decision expected");
      }
    }
    try {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(store().addDraft(ruleSet, version.drl(), user, version.note(), scenarios));
    } catch (RuleCompileException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Rules do not compile", e.getMessage());
    }
  }

  /** The logged-in rule author, or a 403 (audited). */
  private String author(String name, String action) {
    List<String> groups = CurrentUser.groups(identity);
    String user = identity.getCurrentAuthentication().getUserId();
    if (groups.stream().noneMatch(AUTHORS::contains)) {
      audit.refusal(
          user,
          "rule-set",
          name,
          action,
          "only rule authors add and submit versions",
          Map.of("groups", groups));
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Versions of rule sets are added and submitted by data scientists and administrators");
    }
    return user;
  }

  private RuleSetVersions store() {
    if (source instanceof RuleSetVersions versions) {
      return versions;
    }
    throw new ApiException(
        HttpStatus.NOT_FOUND,
        "No rule set versions",
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
