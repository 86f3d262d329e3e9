package ai.lepton.ml.delegate;

import ai.lepton.ml.Json;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.scoring.Score;
import ai.lepton.ml.scoring.ScoringException;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Scores {@code features} (a JSON object of one record) with the model deployed as {@code
 * modelName}; writes {@code prediction}, {@code probability}, {@code distribution} (JSON), {@code
 * modelVersionId} and {@code missingFeatures} and {@code explanation} (JSON: the attributes that
 * moved the prediction most). An unknown model, a rule set ({@code ruleSet}) the model was not
 * approved for, or features that are not one of its records are BPMN errors ({@code
 * MODEL_NOT_FOUND}, {@code RULE_SET_NOT_APPROVED}, {@code INVALID_FEATURES}).
 */
@Component(ProcessBeans.SCORE_RECORD)
public class ScoreRecordDelegate implements JavaDelegate {

  private final RecordScorer scorer;

  public ScoreRecordDelegate(RecordScorer scorer) {
    this.scorer = scorer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object features = execution.getVariable(ProcessVariables.FEATURES);
    Map<String, Object> record;
    try {
      record = features == null ? null : Json.readMap(features.toString());
    } catch (IllegalStateException e) {
      record = null;
    }
    if (record == null) {
      throw new BpmnError(
          ScoringException.INVALID_FEATURES, "features must be a JSON object of one record");
    }
    try {
      Object ruleSet = execution.getVariable(ProcessVariables.RULE_SET);
      if (ruleSet != null) {
        scorer.requireRuleSet(
            String.valueOf(execution.getVariable(ProcessVariables.MODEL_NAME)), ruleSet.toString());
      }
      Score score =
          scorer.score(String.valueOf(execution.getVariable(ProcessVariables.MODEL_NAME)), record);
      execution.setVariable(ProcessVariables.PREDICTION, score.prediction());
      execution.setVariable(ProcessVariables.PROBABILITY, score.probability());
      execution.setVariable(ProcessVariables.DISTRIBUTION, Json.write(score.distribution()));
      execution.setVariable(ProcessVariables.MODEL_VERSION_ID, score.modelVersionId());
      execution.setVariable(
          ProcessVariables.MISSING_FEATURES, String.join(",", score.missingFeatures()));
      execution.setVariable(ProcessVariables.EXPLANATION, Json.write(score.explanation()));
    } catch (ScoringException e) {
      throw new BpmnError(e.code(), e.getMessage());
    }
  }
}
