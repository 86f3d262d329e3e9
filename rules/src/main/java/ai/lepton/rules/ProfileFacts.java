package ai.lepton.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a dataset profile (the JSON Lepton's profiler writes: rows, target, per attribute type,
 * missing share, distinct values and association with the target) into the facts of the
 * data-quality rules.
 */
final class ProfileFacts {

  private ProfileFacts() {}

  @SuppressWarnings("unchecked")
  static List<Object> of(Map<String, Object> profile, String target) {
    int rows = (int) FactValues.number(profile, "rows");
    List<Map<String, Object>> attributes =
        (List<Map<String, Object>>) profile.getOrDefault("attributes", List.of());
    Map<String, Object> targetEntry =
        attributes.stream().filter(a -> target.equals(a.get("name"))).findFirst().orElse(null);
    List<Object> facts = new ArrayList<>();
    if (targetEntry == null) {
      facts.add(new DatasetFacts(rows, target, false, null, 0, null, null, null, null, null, null));
    } else {
      double minority = Double.NaN;
      String minorityClass = null;
      Object balance = targetEntry.get("values");
      if (balance instanceof Map<?, ?> counts) {
        double labelled =
            counts.values().stream().mapToDouble(c -> ((Number) c).doubleValue()).sum();
        for (Map.Entry<?, ?> count : counts.entrySet()) {
          double share = ((Number) count.getValue()).doubleValue() / labelled;
          if (share > 0 && (Double.isNaN(minority) || share < minority)) {
            minority = share;
            minorityClass = count.getKey().toString();
          }
        }
      }
      facts.add(
          new DatasetFacts(
              rows,
              target,
              true,
              FactValues.text(targetEntry, "type"),
              (int) FactValues.number(targetEntry, "distinct"),
              FactValues.optional(targetEntry, "missingPct"),
              FactValues.optional(profile, "majorityShare"),
              Double.isNaN(minority) ? null : minority,
              minorityClass,
              count(profile, "duplicateRows"),
              count(profile, "conflictingDuplicates")));
    }
    if (profile.get("leakage") instanceof Map<?, ?> leakage) {
      Map<String, Object> measured = (Map<String, Object>) leakage;
      facts.add(
          new LeakageFacts(
              FactValues.text(measured, "measure"),
              FactValues.text(measured, "reference"),
              FactValues.number(measured, "referenceSkill"),
              FactValues.number(measured, "dropShare"),
              FactValues.number(measured, "dropSkill"),
              FactValues.number(measured, "warnShare"),
              FactValues.number(measured, "warnSkill")));
    }
    for (Map<String, Object> attribute : attributes) {
      String name = String.valueOf(attribute.get("name"));
      if (name.equals(target)) {
        continue;
      }
      String type = FactValues.text(attribute, "type");
      int distinct = (int) FactValues.number(attribute, "distinct");
      double missingPct = FactValues.number(attribute, "missingPct");
      // decided once, by the profiler (IdentifierColumns): dates and measurements are never
      // identifiers
      boolean identifierLike = Boolean.TRUE.equals(attribute.get("identifierLike"));
      facts.add(
          new AttributeFacts(
              name,
              type,
              missingPct,
              distinct,
              rows,
              identifierLike,
              FactValues.optional(attribute, "targetPurity"),
              FactValues.optional(attribute, "targetCorrelation"),
              FactValues.optional(attribute, "aloneSkill"),
              FactValues.optional(attribute, "aloneShare"),
              Boolean.TRUE.equals(attribute.get("levelsLikeTarget")),
              identifierLike ? FactValues.text(attribute, "identifierReason") : null));
    }
    return facts;
  }

  private static Integer count(Map<String, Object> profile, String name) {
    Object value = profile.get(name);
    return value instanceof Number number ? number.intValue() : null;
  }
}
