package ai.lepton.ml.task;

import ai.lepton.ml.Sha256;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engine.AuditedRefusal;
import ai.lepton.ml.registry.Approval;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.registry.PolicyVerdict;
import ai.lepton.ml.registry.PolicyVerdicts;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Enforces the four-eyes rule on model approval and records the decision, on facts from the record
 * only: the approver is the logged-in model risk officer, who neither started the engagement
 * (Camunda's start user) nor set its requirements (Lepton's requirements record), and gives a
 * reason either way. What is approved is the engagement's champion in the registry, whose stored
 * bytes still hash to the registered SHA-256, whatever {@code modelVersionId} says; the policy
 * verdict is the one recorded when the rules ran. Approving over a blocker needs an {@code
 * overrideReason}; verdict, quality findings and override are kept with the approval as its
 * evidence, and so is how it is to go live ({@code deployAs}: as the champion, or as a challenger
 * on trial beside the live version).
 */
@Component(ProcessBeans.RECORD_APPROVAL)
public class RecordApprovalListener implements TaskListener {

  /** Only members of this group may approve or reject a model. */
  public static final String APPROVERS = FourEyes.OFFICERS;

  private final ModelRegistry registry;
  private final PolicyVerdicts policyVerdicts;
  private final RequirementsRecord requirements;
  private final AuditTrail audit;

  public RecordApprovalListener(
      ModelRegistry registry,
      PolicyVerdicts policyVerdicts,
      RequirementsRecord requirements,
      AuditTrail audit) {
    this.registry = registry;
    this.policyVerdicts = policyVerdicts;
    this.requirements = requirements;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    String approver = CurrentUser.of(task);
    String breach = FourEyes.APPROVAL.breach(task, requirements);
    if (breach != null) {
      throw refused(task, approver, breach);
    }
    Boolean approved = decision(task.getVariable(ProcessVariables.APPROVED));
    Object reason = task.getVariable(ProcessVariables.APPROVAL_REASON);
    if (reason == null || reason.toString().isBlank()) {
      throw new FormFieldValidationException(
          ProcessVariables.APPROVAL_REASON, "A reason is required to approve or reject a model");
    }
    ModelVersion version =
        registry
            .championOf(key)
            .orElseThrow(
                () ->
                    new FormFieldValidationException(
                        ProcessVariables.MODEL_VERSION_ID,
                        "Engagement "
                            + key
                            + " has no champion awaiting approval in the model registry"));
    if (!Sha256.hex(registry.modelFile(version.id())).equals(version.modelSha256())) {
      throw refused(
          task,
          approver,
          "The stored file of model version "
              + version.id()
              + " no longer hashes to the"
              + " SHA-256 registered at training: it cannot be approved");
    }
    PolicyVerdict policy =
        policyVerdicts
            .of(version.id())
            .orElseThrow(
                () ->
                    new FormFieldValidationException(
                        ProcessVariables.MODEL_VERSION_ID,
                        "No approval-policy verdict is recorded for model version "
                            + version.id()));
    String override =
        Objects.toString(task.getVariable(ProcessVariables.OVERRIDE_REASON), "").strip();
    if (approved && !policy.blockers().isBlank() && override.isEmpty()) {
      throw new FormFieldValidationException(
          ProcessVariables.OVERRIDE_REASON,
          "The approval policy blocks this model ("
              + policy.blockers().lines().findFirst().orElse("")
              + "); approving it anyway needs an override reason");
    }
    String deployAs = Objects.toString(task.getVariable(ProcessVariables.DEPLOY_AS), "").strip();
    deployAs = deployAs.isEmpty() ? Approval.DEPLOY_AS_CHAMPION : deployAs;
    if (!deployAs.equals(Approval.DEPLOY_AS_CHAMPION)
        && !deployAs.equals(Approval.DEPLOY_AS_CHALLENGER)) {
      throw new FormFieldValidationException(
          ProcessVariables.DEPLOY_AS,
          "deployAs must be 'champion' (replace the live version) or"
              + " 'challenger' (answer live decisions in shadow until a trial decision), not '"
              + deployAs
              + "'");
    }
    if (approved
        && deployAs.equals(Approval.DEPLOY_AS_CHALLENGER)
        && registry.deployedUnder(version.modelName()).isEmpty()) {
      throw new FormFieldValidationException(
          ProcessVariables.DEPLOY_AS,
          "No version of '"
              + version.modelName()
              + "' is live, so"
              + " there is nothing for a challenger to challenge: deploy it as the champion");
    }
    Map<String, Object> evidence = evidence(version);
    if (approved) {
      evidence.put("deployAs", deployAs);
    }
    evidence.put("policyVerdict", policy.verdict());
    evidence.put("policyBlockers", lines(policy.blockers()));
    evidence.put("policyWarnings", lines(policy.warnings()));
    evidence.put("qualityVerdict", policy.qualityVerdict());
    evidence.put("qualityFindings", lines(Objects.toString(policy.qualityFindings(), "")));
    if (approved && !policy.blockers().isBlank()) {
      evidence.put("overrideReason", override);
    }
    registry.recordApproval(
        new Approval(
            version.id(),
            key,
            approved,
            approver,
            reason.toString().strip(),
            evidence,
            task.getId(),
            Instant.now()));
    task.setVariable(ProcessVariables.MODEL_VERSION_ID, version.id());
    task.setVariable(ProcessVariables.APPROVED, approved);
    task.setVariable(ProcessVariables.APPROVED_BY, approver);
  }

  /** The refusal, audited in a transaction of its own (the task's own transaction rolls back). */
  private AuditedRefusal refused(DelegateTask task, String user, String why) {
    audit.refusal(
        user,
        "model",
        Objects.toString(task.getVariable(ProcessVariables.MODEL_VERSION_ID), "unknown"),
        "complete task " + task.getTaskDefinitionKey(),
        why,
        Map.of("taskId", task.getId(), "engagement", task.getExecution().getProcessBusinessKey()));
    return new AuditedRefusal(why);
  }

  private static List<String> lines(String text) {
    return text.lines().filter(line -> !line.isBlank()).toList();
  }

  private static Boolean decision(Object value) {
    if (value instanceof Boolean decided) {
      return decided;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    throw new FormFieldValidationException(
        ProcessVariables.APPROVED, "approved must be true (approve) or false (reject)");
  }

  /** What the approver saw: the version's identity, its data and its cross-validation metrics. */
  private static Map<String, Object> evidence(ModelVersion version) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("modelVersionId", version.id());
    evidence.put("algorithm", version.algorithm() + " " + version.options());
    evidence.put("modelSha256", version.modelSha256());
    evidence.put("datasetId", version.datasetId());
    evidence.put("datasetSha256", version.datasetSha256());
    evidence.put("folds", version.folds());
    evidence.put("seed", version.seed());
    evidence.put("metrics", version.metrics());
    return evidence;
  }
}
