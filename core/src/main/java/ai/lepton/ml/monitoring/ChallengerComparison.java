package ai.lepton.ml.monitoring;

import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.scoring.DecisionLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * A challenger's trial in figures, from the decision log only ({@link DecisionLog#shadowedBy}):
 * over every live decision it answered in shadow, how often it predicted what the champion
 * predicted, how many decisions its answer would have changed (from what to what, with examples),
 * and on the decisions whose real outcome has been recorded, how often each was right (class
 * labels) or how far off each was (numbers). The trial is ready for a decision after {@link
 * ChallengerTrial#getMinDecisions()} shadowed decisions.
 */
@Component
public class ChallengerComparison {

  /** Decisions whose change is shown as an example, per kind of change. */
  static final int EXAMPLES = 3;

  private final DecisionLog decisions;
  private final ModelRegistry registry;
  private final int minDecisions;

  public ChallengerComparison(
      DecisionLog decisions, ModelRegistry registry, ChallengerTrial trial) {
    this.decisions = decisions;
    this.registry = registry;
    this.minDecisions = trial.getMinDecisions();
  }

  /** The comparison so far, as the trial decision's evidence keeps it. */
  public Map<String, Object> of(String challengerVersionId) {
    Tally tally = new Tally("regression".equals(registry.get(challengerVersionId).problemType()));
    decisions.shadowedBy(
        challengerVersionId,
        d ->
            tally.add(
                d.decisionId(),
                d.championVersionId(),
                d.championPrediction(),
                d.championDecision(),
                d.challengerPrediction(),
                d.challengerDecision(),
                d.actual()));
    Map<String, Object> comparison = new LinkedHashMap<>();
    comparison.put("challengerVersionId", challengerVersionId);
    comparison.put("championVersionIds", List.copyOf(tally.champions));
    comparison.put("decisions", tally.decisions);
    comparison.put("minDecisions", minDecisions);
    comparison.put("ready", tally.decisions >= minDecisions);
    comparison.put("agreement", share(tally.samePrediction, tally.decisions));
    comparison.put("decisionsChanged", tally.changed);
    comparison.put("changes", tally.changes);
    comparison.put("examples", tally.examples);
    Map<String, Object> outcomes = new LinkedHashMap<>();
    outcomes.put("labelled", tally.labelled);
    if (tally.numeric) {
      outcomes.put("measure", "meanAbsoluteError");
      outcomes.put("champion", tally.labelled == 0 ? null : tally.championError / tally.labelled);
      outcomes.put(
          "challenger", tally.labelled == 0 ? null : tally.challengerError / tally.labelled);
    } else {
      outcomes.put("measure", "accuracy");
      outcomes.put("champion", share(tally.championRight, tally.labelled));
      outcomes.put("challenger", share(tally.challengerRight, tally.labelled));
    }
    comparison.put("outcomes", outcomes);
    comparison.put("summary", summary(comparison, outcomes));
    return comparison;
  }

  private static String summary(Map<String, Object> comparison, Map<String, Object> outcomes) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "%s decisions answered in shadow (%s needed); same prediction as the champion in %s; %s decisions would"
                    + " have changed",
                comparison.get("decisions"),
                comparison.get("minDecisions"),
                percent(comparison.get("agreement")),
                comparison.get("decisionsChanged")));
    if (((Number) outcomes.get("labelled")).intValue() > 0) {
      boolean accuracy = "accuracy".equals(outcomes.get("measure"));
      text.append(
          String.format(
              java.util.Locale.ROOT,
              "; on %s decisions with a recorded outcome, %s %s"
                  + " for the champion and %s for the challenger",
              outcomes.get("labelled"),
              outcomes.get("measure"),
              accuracy ? percent(outcomes.get("champion")) : number(outcomes.get("champion")),
              accuracy ? percent(outcomes.get("challenger")) : number(outcomes.get("challenger"))));
    } else {
      text.append("; no outcome recorded yet");
    }
    return text.toString();
  }

  private static String percent(Object share) {
    return share == null
        ? "—"
        : String.format(java.util.Locale.ROOT, "%.1f %%", 100 * ((Number) share).doubleValue());
  }

  private static String number(Object value) {
    return value == null
        ? "—"
        : String.format(java.util.Locale.ROOT, "%.4g", ((Number) value).doubleValue());
  }

  private static Double share(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  /** The running counts over the shadowed decisions. */
  private static final class Tally {
    final TreeSet<String> champions = new TreeSet<>();
    final Map<String, Integer> changes = new TreeMap<>();
    final List<Map<String, Object>> examples = new ArrayList<>();
    int decisions;
    int samePrediction;
    int changed;
    int labelled;
    int championRight;
    int challengerRight;
    double championError;
    double challengerError;
    final boolean numeric;

    Tally(boolean numeric) {
      this.numeric = numeric;
    }

    void add(
        String decisionId,
        String championId,
        String championPrediction,
        String championDecision,
        String challengerPrediction,
        String challengerDecision,
        String actual) {
      decisions++;
      champions.add(championId);
      if (java.util.Objects.equals(championPrediction, challengerPrediction)) {
        samePrediction++;
      }
      if (!java.util.Objects.equals(championDecision, challengerDecision)) {
        changed++;
        String change = championDecision + " → " + challengerDecision;
        int seen = changes.merge(change, 1, Integer::sum);
        if (seen <= EXAMPLES) {
          Map<String, Object> example = new LinkedHashMap<>();
          example.put("decisionId", decisionId);
          example.put("change", change);
          example.put("championPrediction", championPrediction);
          example.put("challengerPrediction", challengerPrediction);
          examples.add(example);
        }
      }
      if (actual == null) {
        return;
      }
      labelled++;
      Double truth = number(actual);
      Double champion = number(championPrediction);
      Double challenger = number(challengerPrediction);
      if (numeric) {
        if (truth == null || champion == null || challenger == null) {
          labelled--;
          return;
        }
        championError += Math.abs(champion - truth);
        challengerError += Math.abs(challenger - truth);
      } else {
        championRight += actual.equals(championPrediction) ? 1 : 0;
        challengerRight += actual.equals(challengerPrediction) ? 1 : 0;
      }
    }

    private static Double number(String text) {
      try {
        return text == null ? null : Double.valueOf(text);
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
  }
}
