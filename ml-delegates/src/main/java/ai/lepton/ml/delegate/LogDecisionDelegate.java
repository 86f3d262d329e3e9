package ai.lepton.ml.delegate;

import ai.lepton.ml.Json;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.Score;
import ai.lepton.ml.scoring.ShadowScoring;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes the decision just taken to Lepton's decision log; its id becomes {@code decisionId}. When
 * a challenger is on trial under the model name, the record is queued for it once the decision
 * commits ({@link ShadowScoring}).
 */
@Component(ProcessBeans.LOG_DECISION)
public class LogDecisionDelegate implements JavaDelegate {

  private final DecisionLog log;
  private final java.util.Optional<ShadowScoring> shadow;

  public LogDecisionDelegate(DecisionLog log, java.util.Optional<ShadowScoring> shadow) {
    this.log = log;
    this.shadow = shadow;
  }

  private static List<Map<String, Object>> explanation(Object json) {
    return json == null || json.toString().isBlank() ? List.of() : Json.readList(json.toString());
  }

  /**
   * The business facts the rule set read beside the record (the JSON variable {@code context}), as
   * JSON.
   */
  private static String context(Object context) {
    if (context == null || context.toString().isBlank()) {
      return null;
    }
    return context instanceof Map<?, ?> map ? Json.write(map) : context.toString();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Object distribution = execution.getVariable(ProcessVariables.DISTRIBUTION);
    Map<String, Double> classes =
        distribution == null
            ? Map.of()
            : (Map<String, Double>) (Map<?, ?>) Json.readMap(distribution.toString());
    Object probability = execution.getVariable(ProcessVariables.PROBABILITY);
    Object missing = execution.getVariable(ProcessVariables.MISSING_FEATURES);
    Score score =
        new Score(
            (String) execution.getVariable(ProcessVariables.MODEL_VERSION_ID),
            String.valueOf(execution.getVariable(ProcessVariables.PREDICTION)),
            probability instanceof Number n ? n.doubleValue() : Double.NaN,
            classes,
            missing == null || missing.toString().isEmpty()
                ? List.of()
                : List.of(missing.toString().split(",")),
            explanation(execution.getVariable(ProcessVariables.EXPLANATION)));
    String id =
        log.record(
            new DecisionLog.Entry(
                String.valueOf(execution.getVariable(ProcessVariables.MODEL_NAME)),
                (String) execution.getVariable(ProcessVariables.RULE_SET),
                String.valueOf(execution.getVariable(ProcessVariables.FEATURES)),
                score,
                (String) execution.getVariable(ProcessVariables.DECISION),
                (String) execution.getVariable(ProcessVariables.RULES_FIRED),
                (String) execution.getVariable(ProcessVariables.DECISION_REASON),
                execution.getProcessInstanceId(),
                requester(execution),
                execution.getVariable(ProcessVariables.RULE_SET_VERSION) instanceof Number n
                        && n.intValue() > 0
                    ? n.intValue()
                    : null,
                (String) execution.getVariable(ProcessVariables.RULE_SET_SHA256),
                context(execution.getVariable(ProcessVariables.CONTEXT))));
    execution.setVariable(ProcessVariables.DECISION_ID, id);
    shadow.ifPresent(
        s ->
            s.submit(
                id,
                String.valueOf(execution.getVariable(ProcessVariables.MODEL_NAME)),
                (String) execution.getVariable(ProcessVariables.RULE_SET),
                String.valueOf(execution.getVariable(ProcessVariables.FEATURES))));
  }

  /**
   * Who asked, from the engine's logged-in user (the caller of {@code POST /api/decisions/…}, or
   * whoever moved the process that called this one), never from a variable; a step the job executor
   * runs names the root process.
   */
  private static String requester(DelegateExecution execution) {
    Authentication user =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user != null && user.getUserId() != null) {
      return user.getUserId();
    }
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    return "process " + root.getProcessInstanceId();
  }
}
