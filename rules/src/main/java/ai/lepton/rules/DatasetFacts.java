package ai.lepton.rules;

/**
 * A dataset as the data-quality rules see it, read from its profile.
 *
 * @param targetPresent whether the dataset has the engagement's target attribute at all
 * @param targetMissingPct share of rows without a target value, in percent
 * @param majorityShare for a nominal target, the share of the commonest class (null otherwise)
 * @param minorityShare for a nominal target, the share of the rarest class that occurs (null
 *     otherwise)
 * @param duplicateRows rows repeating an earlier row, target included (identifiers left out; null:
 *     not counted)
 * @param conflictingDuplicates rows repeating an earlier row's attributes with another target
 *     (null: not counted)
 */
public record DatasetFacts(
    int rows,
    String target,
    boolean targetPresent,
    String targetType,
    int targetDistinct,
    Double targetMissingPct,
    Double majorityShare,
    Double minorityShare,
    String minorityClass,
    Integer duplicateRows,
    Integer conflictingDuplicates) {}
