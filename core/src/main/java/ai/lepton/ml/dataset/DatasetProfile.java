package ai.lepton.ml.dataset;

import ai.lepton.ml.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset's profile as {@link DatasetProfiler} writes it and the profile step completes it with
 * each attribute's skill on its own ({@code leakage}): what the data-quality rules judge, what the
 * model card and the dataset API show. Read from the stored document by name; tests read real
 * profiles with {@link #strictly(Map)}, which fails on a field the profile writes and this record
 * lacks, so the contract cannot silently lose one.
 *
 * @param rows the data rows
 * @param attributeCount the columns, target included
 * @param targetAttribute the engagement's target
 * @param rowsWithMissingValues rows with at least one value missing
 * @param attributes each column's figures, in the dataset's order
 * @param classBalance a nominal target's count per label
 * @param majorityShare a nominal target's largest label's share
 * @param duplicateRows rows equal to an earlier one
 * @param conflictingDuplicates rows equal to an earlier one but for the target
 * @param leakage each attribute's skill alone against the reference (absent before the profile step
 *     measured it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetProfile(
    int rows,
    int attributeCount,
    String targetAttribute,
    Integer rowsWithMissingValues,
    List<AttributeProfile> attributes,
    Map<String, Long> classBalance,
    Double majorityShare,
    Integer duplicateRows,
    Integer conflictingDuplicates,
    Leakage leakage) {

  /**
   * One column: its type and missing values; for numbers their range and moments, for labels their
   * counts, for free text its words; whether it looks like an identifier (and why), how much it
   * tells of the target, and its skill alone.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AttributeProfile(
      String name,
      String type,
      Integer missing,
      Double missingPct,
      Integer distinct,
      Boolean integerValued,
      Double min,
      Double max,
      Double mean,
      Double stdDev,
      Map<String, Long> values,
      Boolean text,
      Double meanWords,
      String textReason,
      Boolean identifierLike,
      String identifierReason,
      Double targetPurity,
      Double targetCorrelation,
      Boolean levelsLikeTarget,
      Double aloneSkill,
      Double aloneShare) {}

  /**
   * How the single-attribute skill was measured (measure, reference and its skill, rows, folds,
   * seed) and the thresholds above which an attribute is dropped or warned of.
   */
  public record Leakage(
      String measure,
      String reference,
      Double referenceSkill,
      Integer rows,
      Integer folds,
      Long seed,
      Double dropShare,
      Double dropSkill,
      Double warnShare,
      Double warnSkill) {}

  /** The column of that name, if the dataset has it. */
  public Optional<AttributeProfile> attribute(String name) {
    return attributes == null
        ? Optional.empty()
        : attributes.stream().filter(a -> name.equals(a.name())).findFirst();
  }

  /**
   * The stored profile as this record (a field of an older version's profile that is gone is
   * skipped).
   */
  public static DatasetProfile of(Map<String, Object> profile) {
    return Json.convert(profile, DatasetProfile.class);
  }

  /** The stored profile as this record, failing on a field the record does not know. */
  public static DatasetProfile strictly(Map<String, Object> profile) {
    return Json.convertStrictly(profile, DatasetProfile.class);
  }
}
