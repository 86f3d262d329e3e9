package ai.lepton.rules;

/**
 * A forecasting champion as the approval-policy rules see it, from its time-ordered evaluation.
 *
 * @param maeRatioToSeasonalNaive its mean absolute error over the steps as a share of the
 *     seasonal-naive forecast's on the same held-out periods (below 1: it does better than
 *     repeating last season)
 * @param testPeriods how many of the series' last periods were held out
 * @param periodicity MONTHLY, DAILY, ... as detected from the dates
 */
public record ForecastFacts(double maeRatioToSeasonalNaive, int testPeriods, String periodicity) {}
