package ai.lepton.ml.task;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engine.AuditedRefusal;
import ai.lepton.ml.monitoring.ChallengerComparison;
import ai.lepton.ml.registry.ChallengerDecision;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.scoring.ShadowScoring;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Records a model risk officer's decision on a challenger's trial under the same four-eyes rule as
 * approval ({@link FourEyes}): promote it ({@code promoteChallenger} true) or retire it, with a
 * reason. Which version is on trial comes from the registry, and the evidence kept with the
 * decision is the comparison computed again from the decision log at this moment, whatever the
 * form's variables say.
 */
@Component(ProcessBeans.RECORD_CHALLENGER_DECISION)
public class RecordChallengerDecisionListener implements TaskListener {

  private final ModelRegistry registry;
  private final RequirementsRecord requirements;
  private final ChallengerComparison comparison;
  private final AuditTrail audit;
  private final ShadowScoring shadows;

  public RecordChallengerDecisionListener(
      ModelRegistry registry,
      RequirementsRecord requirements,
      ChallengerComparison comparison,
      AuditTrail audit,
      ShadowScoring shadows) {
    this.shadows = shadows;
    this.registry = registry;
    this.requirements = requirements;
    this.comparison = comparison;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    String officer = CurrentUser.of(task);
    String breach = FourEyes.CHALLENGER_TRIAL.breach(task, requirements);
    if (breach != null) {
      audit.refusal(
          officer,
          "engagement",
          key,
          "complete task " + task.getTaskDefinitionKey(),
          breach,
          Map.of("taskId", task.getId()));
      throw new AuditedRefusal(breach);
    }
    Object promote = task.getVariable(ProcessVariables.PROMOTE_CHALLENGER);
    if (!(promote instanceof Boolean) && !"true".equals(promote) && !"false".equals(promote)) {
      throw new FormFieldValidationException(
          ProcessVariables.PROMOTE_CHALLENGER,
          "promoteChallenger must be true (promote the challenger) or false (retire it)");
    }
    String reason =
        Objects.toString(task.getVariable(ProcessVariables.CHALLENGER_DECISION_REASON), "").strip();
    if (reason.isEmpty()) {
      throw new FormFieldValidationException(
          ProcessVariables.CHALLENGER_DECISION_REASON, "A reason is required either way");
    }
    List<String> onTrial =
        registry.challengersUnder(requirements.latest(key).orElseThrow().modelName());
    if (onTrial.isEmpty()) {
      throw new FormFieldValidationException(
          ProcessVariables.PROMOTE_CHALLENGER,
          "No challenger of engagement " + key + "'s model is on trial any more");
    }
    boolean promoted = Boolean.parseBoolean(promote.toString());
    shadows.flush(30_000);
    registry.recordChallengerDecision(
        new ChallengerDecision(
            key,
            onTrial.get(0),
            promoted,
            officer,
            reason,
            comparison.of(onTrial.get(0)),
            task.getId(),
            Instant.now()));
    task.setVariable(ProcessVariables.PROMOTE_CHALLENGER, promoted);
  }
}
