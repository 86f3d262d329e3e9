package ai.lepton.ml.fairness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Group fairness of a classifier from its out-of-fold predictions, for one protected attribute: per
 * group the selection rate (share predicted favourable), the true-positive rate (share of the
 * actually favourable predicted favourable) and the false-positive rate (share of the actually
 * unfavourable predicted favourable); and against the reference group the statistical parity
 * difference (selection rate minus the reference's), the disparate impact ratio (selection rate
 * over the reference's; the four-fifths rule asks for 0.8 or more) and the equal opportunity
 * difference (true-positive rate minus the reference's). A rate with no row to compute it on is
 * NaN.
 */
public final class GroupFairness {

  /**
   * One out-of-fold prediction: the row's group, whether its actual label and its predicted label
   * are favourable.
   */
  public record Outcome(String group, boolean actuallyFavourable, boolean predictedFavourable) {}

  /** One group's figures. */
  public record Group(
      String group,
      int rows,
      double selectionRate,
      double truePositiveRate,
      double falsePositiveRate,
      double statisticalParityDifference,
      double disparateImpact,
      double equalOpportunityDifference) {}

  /**
   * One attribute's figures: its groups, the reference group, and the lowest disparate impact among
   * the others.
   */
  public record Assessment(
      String attribute,
      String favourableLabel,
      String referenceGroup,
      List<Group> groups,
      double lowestDisparateImpact,
      String leastFavouredGroup) {

    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("attribute", attribute);
      map.put("favourableLabel", favourableLabel);
      map.put("referenceGroup", referenceGroup);
      map.put("lowestDisparateImpact", finite(lowestDisparateImpact));
      map.put("leastFavouredGroup", leastFavouredGroup);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Group group : groups) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", group.group());
        row.put("rows", group.rows());
        row.put("selectionRate", finite(group.selectionRate()));
        row.put("truePositiveRate", finite(group.truePositiveRate()));
        row.put("falsePositiveRate", finite(group.falsePositiveRate()));
        row.put("statisticalParityDifference", finite(group.statisticalParityDifference()));
        row.put("disparateImpact", finite(group.disparateImpact()));
        row.put("equalOpportunityDifference", finite(group.equalOpportunityDifference()));
        rows.add(row);
      }
      map.put("groups", rows);
      return map;
    }

    private static Double finite(double value) {
      return Double.isFinite(value) ? value : null;
    }
  }

  private GroupFairness() {}

  /**
   * The figures of every group; the reference group is {@code reference} when given, else the
   * largest group (ties: the first by name). Groups are listed largest first.
   */
  public static Assessment assess(
      String attribute, String favourableLabel, List<Outcome> outcomes, String reference) {
    Map<String, int[]> counts =
        new LinkedHashMap<>(); // rows, predicted fav, actual fav, TP, actual unfav, FP
    for (Outcome outcome : outcomes) {
      int[] c = counts.computeIfAbsent(outcome.group(), g -> new int[6]);
      c[0]++;
      if (outcome.predictedFavourable()) {
        c[1]++;
      }
      if (outcome.actuallyFavourable()) {
        c[2]++;
        if (outcome.predictedFavourable()) {
          c[3]++;
        }
      } else {
        c[4]++;
        if (outcome.predictedFavourable()) {
          c[5]++;
        }
      }
    }
    if (counts.isEmpty()) {
      throw new IllegalArgumentException("No predictions to assess '" + attribute + "' on");
    }
    List<String> names =
        counts.keySet().stream()
            .sorted(
                Comparator.<String>comparingInt(g -> -counts.get(g)[0])
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    String referenceGroup =
        reference != null && counts.containsKey(reference) ? reference : names.get(0);
    int[] ref = counts.get(referenceGroup);
    double refSelection = rate(ref[1], ref[0]);
    double refTruePositive = rate(ref[3], ref[2]);
    List<Group> groups = new ArrayList<>();
    double lowest = Double.NaN;
    String leastFavoured = null;
    for (String name : names) {
      int[] c = counts.get(name);
      double selection = rate(c[1], c[0]);
      double truePositive = rate(c[3], c[2]);
      double impact = selection / refSelection;
      groups.add(
          new Group(
              name,
              c[0],
              selection,
              truePositive,
              rate(c[5], c[4]),
              selection - refSelection,
              impact,
              truePositive - refTruePositive));
      if (!name.equals(referenceGroup) && Double.isFinite(impact) && !(impact >= lowest)) {
        lowest = impact;
        leastFavoured = name;
      }
    }
    return new Assessment(
        attribute, favourableLabel, referenceGroup, List.copyOf(groups), lowest, leastFavoured);
  }

  private static double rate(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
