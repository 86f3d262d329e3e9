package ai.lepton.decisions;

import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.ml.scoring.LoggedDecision;
import ai.lepton.ml.scoring.RecordScorer;
import ai.lepton.ml.scoring.Score;
import ai.lepton.ml.scoring.ScoringException;
import ai.lepton.rules.DecisionOutcome;
import ai.lepton.rules.RuleService;
import ai.lepton.rules.RuleSet;
import ai.lepton.rules.RuleSetVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes a logged decision again: its logged record, scored by the model version that decided (its
 * file read and checked against the SHA-256 it was approved with) and decided by the rule set
 * version that decided (checked against its SHA-256), and says whether prediction, decision and
 * rules fired are the same. It writes nothing.
 */
public class DecisionReplay {

  /** Decisions one period replay takes at most. */
  public static final int MAX_PERIOD = 10_000;

  /** One decision taken again; {@code differences} empty when it is identical. */
  public record Replayed(
      String decisionId,
      String modelVersionId,
      Integer ruleSetVersion,
      boolean identical,
      List<String> differences,
      String prediction,
      String decision,
      List<String> rulesFired) {}

  /** A period taken again: how many, how many identical, and the ones that were not. */
  public record PeriodReplayed(
      String model,
      Instant from,
      Instant to,
      int replayed,
      int identical,
      List<Replayed> different,
      boolean capped) {}

  private final DecisionLog log;
  private final DeployedModels models;
  private final RecordScorer scorer;
  private final RuleService rules;

  public DecisionReplay(
      DecisionLog log, DeployedModels models, RecordScorer scorer, RuleService rules) {
    this.log = log;
    this.models = models;
    this.scorer = scorer;
    this.rules = rules;
  }

  /**
   * @return empty when the log has no such decision
   */
  public Optional<Replayed> replay(String decisionId) {
    return log.find(decisionId).map(decision -> replay(decision, new HashMap<>()));
  }

  public PeriodReplayed replay(String model, Instant from, Instant to) {
    List<LoggedDecision> decisions = log.between(model, from, to, MAX_PERIOD + 1);
    boolean capped = decisions.size() > MAX_PERIOD;
    Map<String, Object> read = new HashMap<>();
    int identical = 0;
    List<Replayed> different = new ArrayList<>();
    for (LoggedDecision decision : decisions.subList(0, Math.min(decisions.size(), MAX_PERIOD))) {
      Replayed replayed = replay(decision, read);
      if (replayed.identical()) {
        identical++;
      } else {
        different.add(replayed);
      }
    }
    return new PeriodReplayed(
        model, from, to, Math.min(decisions.size(), MAX_PERIOD), identical, different, capped);
  }

  /**
   * @param read the model versions read so far in this replay (each file read and checked once per
   *     replay)
   */
  private Replayed replay(LoggedDecision logged, Map<String, Object> read) {
    List<String> differences = new ArrayList<>();
    Object model =
        read.computeIfAbsent(
            logged.modelVersionId(),
            id -> {
              try {
                return models.read(id);
              } catch (ScoringException e) {
                return e.getMessage();
              }
            });
    if (!(model instanceof DeployedModels.Loaded version)) {
      differences.add("model version " + logged.modelVersionId() + " cannot be read: " + model);
      return new Replayed(
          logged.decisionId(),
          logged.modelVersionId(),
          logged.ruleSetVersion(),
          false,
          differences,
          null,
          null,
          List.of());
    }
    RuleSet ruleSet = RuleSet.of(logged.ruleSet());
    int number = logged.ruleSetVersion() == null ? 1 : logged.ruleSetVersion();
    Optional<RuleSetVersion> ruleVersion = rules.source().version(ruleSet, number);
    if (ruleVersion.isEmpty()) {
      differences.add(
          "version " + number + " of rule set " + ruleSet.wireName() + " is not stored");
    } else if (logged.ruleSetSha256() != null
        && !logged.ruleSetSha256().equals(ruleVersion.get().sha256())) {
      differences.add(
          "version "
              + number
              + " of rule set "
              + ruleSet.wireName()
              + " has SHA-256 "
              + ruleVersion.get().sha256()
              + ", not the "
              + logged.ruleSetSha256()
              + " that decided");
    }
    if (!differences.isEmpty()) {
      return new Replayed(
          logged.decisionId(),
          logged.modelVersionId(),
          logged.ruleSetVersion(),
          false,
          differences,
          null,
          null,
          List.of());
    }
    Score score = scorer.score(version, logged.features());
    DecisionOutcome outcome =
        rules.apply(
            ruleSet, ruleVersion.get(), logged.features(), score.distribution(), logged.context());
    compare(differences, "prediction", logged.prediction(), score.prediction());
    compare(differences, "decision", logged.decision(), outcome.getDecision());
    compare(
        differences,
        "rules fired",
        logged.rulesFired().stream().filter(rule -> !rule.isBlank()).toList(),
        outcome.getRulesFired());
    return new Replayed(
        logged.decisionId(),
        logged.modelVersionId(),
        number,
        differences.isEmpty(),
        differences,
        score.prediction(),
        outcome.getDecision(),
        outcome.getRulesFired());
  }

  private static void compare(List<String> differences, String what, Object logged, Object again) {
    if (!Objects.equals(logged, again)) {
      differences.add(what + ": logged " + logged + ", now " + again);
    }
  }
}
