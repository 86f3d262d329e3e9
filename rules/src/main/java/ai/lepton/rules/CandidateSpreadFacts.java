package ai.lepton.rules;

/**
 * The champion's skill beside its fellow candidates' of the same training round, each measured from
 * the baseline up (guessing the majority class or the mean scores 0): Cohen's kappa for a
 * classification, 1 − relative absolute error for a regression. On the repo's clean datasets the
 * best candidate is at most 0.09 above the next best (mlc_churn: J48 0.728, REPTree 0.642) and at
 * most 0.27 above the median of the others (the same set, where trees beat linear models by far); a
 * champion 0.2 above both is what a leaked attribute that only one learner exploits looks like.
 *
 * @param measure what the skill figures are ({@code kappa} or {@code 1 - relative absolute error})
 * @param others how many other candidates there were (at least one)
 */
public record CandidateSpreadFacts(
    String measure, double champion, double nextBest, double medianOfOthers, int others) {

  /**
   * How far above the next best and the median of the others a champion must be to be too good to
   * be true.
   */
  public static final double FAR_PAST = 0.2;
}
