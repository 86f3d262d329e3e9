package ai.lepton.rulesets;

import ai.lepton.ml.scoring.DecisionLog;
import ai.lepton.ml.scoring.LoggedDecision;
import ai.lepton.rules.DecisionOutcome;
import ai.lepton.rules.RuleService;
import ai.lepton.rules.RuleSet;
import ai.lepton.rules.RuleSetVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a proposed rule set version would change: the newest logged decisions taken with the rule
 * set, by every model that uses it, decided again by the proposed version on the same record and
 * the same model answer (the logged class probabilities); how many would change, from what to what,
 * with examples, per model. Writes nothing.
 */
public class RuleImpact {

  /** Examples kept per kind of change. */
  static final int EXAMPLES = 3;

  private final DecisionLog log;
  private final RuleService rules;
  private final int lastDecisions;

  public RuleImpact(DecisionLog log, RuleService rules, int lastDecisions) {
    this.log = log;
    this.rules = rules;
    this.lastDecisions = lastDecisions;
  }

  public Map<String, Object> of(RuleSet ruleSet, RuleSetVersion proposed) {
    List<LoggedDecision> decisions = log.recentWithRuleSet(ruleSet.wireName(), lastDecisions);
    Map<String, Integer> changes = new TreeMap<>();
    Map<String, int[]> byModel = new TreeMap<>();
    List<Map<String, Object>> examples = new ArrayList<>();
    int changed = 0;
    int unreadable = 0;
    for (LoggedDecision decision : decisions) {
      int[] counts = byModel.computeIfAbsent(decision.modelName(), name -> new int[2]);
      counts[0]++;
      DecisionOutcome outcome;
      try {
        outcome =
            rules.apply(
                ruleSet,
                proposed,
                decision.features(),
                decision.distribution(),
                decision.context());
      } catch (IllegalArgumentException e) {
        unreadable++;
        continue;
      }
      if (outcome.getDecision().equals(decision.decision())) {
        continue;
      }
      changed++;
      counts[1]++;
      String change = decision.decision() + " → " + outcome.getDecision();
      if (changes.merge(change, 1, Integer::sum) <= EXAMPLES) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("decisionId", decision.decisionId());
        example.put("model", decision.modelName());
        example.put("change", change);
        example.put("rulesFiredNow", outcome.getRulesFired());
        example.put("reasonNow", outcome.getReason());
        examples.add(example);
      }
    }
    Map<String, Object> impact = new LinkedHashMap<>();
    impact.put("ruleSet", ruleSet.wireName());
    impact.put("proposedVersion", proposed.version());
    impact.put("proposedSha256", proposed.sha256());
    impact.put("decisions", decisions.size());
    impact.put("changed", changed);
    impact.put("notReplayable", unreadable);
    impact.put("changes", changes);
    Map<String, Object> models = new LinkedHashMap<>();
    byModel.forEach(
        (model, counts) -> models.put(model, Map.of("decisions", counts[0], "changed", counts[1])));
    impact.put("byModel", models);
    impact.put("examples", examples);
    impact.put("summary", summary(decisions.size(), changed, changes));
    return impact;
  }

  private static String summary(int decisions, int changed, Map<String, Integer> changes) {
    if (decisions == 0) {
      return "No decision has been logged with this rule set yet: nothing to compare";
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Of the last %d decisions, %d (%.1f %%) would change",
                decisions,
                changed,
                100.0 * changed / decisions));
    changes.forEach((change, count) -> text.append("; ").append(change).append(": ").append(count));
    return text.toString();
  }
}
