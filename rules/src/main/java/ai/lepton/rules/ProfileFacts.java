package ai.lepton.rules;

import ai.lepton.ml.dataset.DatasetProfile;
import ai.lepton.ml.dataset.DatasetProfile.AttributeProfile;
import ai.lepton.ml.dataset.DatasetProfile.Leakage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a dataset profile (the core's {@link DatasetProfile}: rows, target, per attribute type,
 * missing share, distinct values and association with the target) into the facts of the
 * data-quality rules.
 */
final class ProfileFacts {

  private ProfileFacts() {}

  static List<Object> of(Map<String, Object> document, String target) {
    DatasetProfile profile = DatasetProfile.of(document);
    List<AttributeProfile> attributes =
        profile.attributes() == null ? List.of() : profile.attributes();
    AttributeProfile targetEntry = profile.attribute(target).orElse(null);
    List<Object> facts = new ArrayList<>();
    if (targetEntry == null) {
      facts.add(
          new DatasetFacts(
              profile.rows(), target, false, null, 0, null, null, null, null, null, null));
    } else {
      double minority = Double.NaN;
      String minorityClass = null;
      if (targetEntry.values() != null) {
        double labelled = targetEntry.values().values().stream().mapToDouble(c -> c).sum();
        for (Map.Entry<String, Long> count : targetEntry.values().entrySet()) {
          double share = count.getValue() / labelled;
          if (share > 0 && (Double.isNaN(minority) || share < minority)) {
            minority = share;
            minorityClass = count.getKey();
          }
        }
      }
      facts.add(
          new DatasetFacts(
              profile.rows(),
              target,
              true,
              targetEntry.type(),
              targetEntry.distinct() == null ? 0 : targetEntry.distinct(),
              targetEntry.missingPct(),
              profile.majorityShare(),
              Double.isNaN(minority) ? null : minority,
              minorityClass,
              profile.duplicateRows(),
              profile.conflictingDuplicates()));
    }
    Leakage leakage = profile.leakage();
    if (leakage != null) {
      facts.add(
          new LeakageFacts(
              leakage.measure(),
              leakage.reference(),
              orNaN(leakage.referenceSkill()),
              orNaN(leakage.dropShare()),
              orNaN(leakage.dropSkill()),
              orNaN(leakage.warnShare()),
              orNaN(leakage.warnSkill())));
    }
    for (AttributeProfile attribute : attributes) {
      if (target.equals(attribute.name())) {
        continue;
      }
      // decided once, by the profiler (IdentifierColumns): dates and measurements are never
      // identifiers
      boolean identifierLike = Boolean.TRUE.equals(attribute.identifierLike());
      facts.add(
          new AttributeFacts(
              attribute.name(),
              attribute.type(),
              orNaN(attribute.missingPct()),
              attribute.distinct() == null ? 0 : attribute.distinct(),
              profile.rows(),
              identifierLike,
              attribute.targetPurity(),
              attribute.targetCorrelation(),
              attribute.aloneSkill(),
              attribute.aloneShare(),
              Boolean.TRUE.equals(attribute.levelsLikeTarget()),
              identifierLike ? attribute.identifierReason() : null));
    }
    return facts;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
