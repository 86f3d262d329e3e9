package ai.lepton.decisions;

import ai.lepton.ml.Json;
import ai.lepton.ml.TimeOrderedId;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.scoring.Score;
import ai.lepton.ml.scoring.ScoringException;
import ai.lepton.ml.scoring.ShadowScoring;
import ai.lepton.rules.DecisionOutcome;
import ai.lepton.rules.RuleService;
import ai.lepton.rules.RuleSet;
import ai.lepton.rules.UnknownRuleSetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many records decided as one: each row scored by the live model version and decided by the rule
 * set exactly as a single decision is (the same scorer, rule session, explanation and decision
 * log), without a process instance per row. Rows are decided in chunks of {@value #CHUNK}; a
 * chunk's decisions are logged in one transaction, and only then are its answers handed on, so
 * every answered decision is in the log. A row that is not a record of the model is answered with
 * its error and logged as nothing; it never stops the batch. The batch itself is one DECISION_BATCH
 * audit entry: who, which model and rule set, how many rows decided and refused.
 */
public class BatchDecisions {

  static final int CHUNK = 500;

  private final RecordScorer scorer;
  private final RuleService rules;
  private final DecisionLog log;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final ShadowScoring shadow;

  public BatchDecisions(
      RecordScorer scorer,
      RuleService rules,
      DecisionLog log,
      AuditTrail audit,
      PlatformTransactionManager transactions,
      ShadowScoring shadow) {
    this.shadow = shadow;
    this.scorer = scorer;
    this.rules = rules;
    this.log = log;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Checks, before any row is read, that the model is deployed and may decide with the rule set.
   *
   * @throws ScoringException MODEL_NOT_FOUND, RULE_SET_NOT_APPROVED, NOT_A_DECISION_MODEL
   */
  public RuleSet check(String modelName, String ruleSetName) {
    RuleSet ruleSet;
    try {
      ruleSet = RuleSet.of(ruleSetName);
    } catch (UnknownRuleSetException e) {
      throw new ScoringException(ScoringException.RULE_SET_NOT_APPROVED, e.getMessage());
    }
    scorer.requireRuleSet(modelName, ruleSetName);
    if (!ruleSet.decidesOnPredictions()) {
      throw new ScoringException(
          ScoringException.RULE_SET_NOT_APPROVED,
          "'" + ruleSetName + "' decides on Lepton's own lifecycle, not on records");
    }
    return ruleSet;
  }

  /** The rule sets a deployed model may decide with. */
  public List<String> ruleSets(String modelName) {
    return scorer.ruleSets(modelName);
  }

  /**
   * A text row (CSV) as a record of the model: numbers where the model expects them, empty cells
   * absent.
   */
  public Map<String, Object> fromText(String modelName, Map<String, String> cells) {
    return scorer.fromText(modelName, cells);
  }

  /** A new batch's id, shared by its decisions in the log. */
  public static String newBatchId() {
    return TimeOrderedId.next("bt");
  }

  /** Decides every row, answering each in order as soon as its chunk is logged. */
  public BatchSummary decide(
      String batchId,
      String modelName,
      RuleSet ruleSet,
      Iterator<BatchRow> rows,
      String actor,
      Consumer<BatchAnswer> answers) {
    long total = 0;
    long decided = 0;
    List<BatchRow> chunk = new ArrayList<>(CHUNK);
    while (rows.hasNext()) {
      chunk.add(rows.next());
      if (chunk.size() == CHUNK || !rows.hasNext()) {
        total += chunk.size();
        decided += decideChunk(modelName, ruleSet, chunk, batchId, actor, answers);
        chunk.clear();
      }
    }
    BatchSummary summary =
        new BatchSummary(batchId, modelName, ruleSet.wireName(), total, decided, total - decided);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", modelName);
    payload.put("ruleSet", ruleSet.wireName());
    payload.put("rows", total);
    payload.put("decided", decided);
    payload.put("refused", total - decided);
    audit.append(actor, "DECISION_BATCH", "batch", batchId, payload);
    return summary;
  }

  private long decideChunk(
      String modelName,
      RuleSet ruleSet,
      List<BatchRow> chunk,
      String batchId,
      String actor,
      Consumer<BatchAnswer> answers) {
    BatchAnswer[] answered = new BatchAnswer[chunk.size()];
    List<DecisionLog.Entry> entries = new ArrayList<>();
    List<Integer> logged = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      BatchRow row = chunk.get(i);
      if (row.unreadable() != null) {
        answered[i] = BatchAnswer.refused(row.row(), "NOT_A_RECORD", row.unreadable());
        continue;
      }
      try {
        Score score = scorer.score(modelName, row.record());
        DecisionOutcome outcome = rules.apply(ruleSet, row.record(), score.distribution());
        entries.add(
            new DecisionLog.Entry(
                modelName,
                ruleSet.wireName(),
                Json.write(row.record()),
                score,
                outcome.getDecision(),
                String.join("\n", outcome.getRulesFired()),
                outcome.getReason(),
                null,
                actor,
                outcome.getRuleSetVersion() > 0 ? outcome.getRuleSetVersion() : null,
                outcome.getRuleSetSha256()));
        logged.add(i);
        answered[i] =
            new BatchAnswer(
                row.row(),
                outcome.getDecision(),
                score.prediction(),
                Double.isNaN(score.probability()) ? null : score.probability(),
                null,
                outcome.getRulesFired(),
                outcome.getReason(),
                null,
                null);
      } catch (ScoringException e) {
        answered[i] = BatchAnswer.refused(row.row(), e.code(), e.getMessage());
      } catch (IllegalArgumentException e) {
        answered[i] =
            BatchAnswer.refused(row.row(), ScoringException.INVALID_FEATURES, e.getMessage());
      }
    }
    if (!entries.isEmpty()) {
      List<String> ids = transaction.execute(status -> log.recordBatch(entries, batchId));
      for (int k = 0; k < ids.size(); k++) {
        shadow.submit(ids.get(k), modelName, ruleSet.wireName(), entries.get(k).featuresJson());
      }
      for (int k = 0; k < ids.size(); k++) {
        BatchAnswer a = answered[logged.get(k)];
        answered[logged.get(k)] =
            new BatchAnswer(
                a.row(),
                a.decision(),
                a.prediction(),
                a.probability(),
                ids.get(k),
                a.rulesFired(),
                a.reason(),
                null,
                null);
      }
    }
    for (BatchAnswer answer : answered) {
      answers.accept(answer);
    }
    return entries.size();
  }
}
