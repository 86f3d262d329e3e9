package ai.lepton.ml.forecasting;

import weka.core.Instances;
import weka.filters.supervised.attribute.TSLagMaker;
import weka.filters.supervised.attribute.TSLagMaker.Periodicity;

/**
 * The rhythm of a series, read from its dates: how often it is measured (monthly, daily, ...), how
 * many periods make one season (12 months, 4 quarters, 7 days, 52 weeks, 24 hours), and which
 * calendar attributes describe a period.
 */
public record Season(Periodicity periodicity, int length) {

  /**
   * As Weka's forecasting package detects it; a series with skipped periods (trading days) has
   * uneven gaps, which the package calls UNKNOWN, so then the commonest gap between dates decides.
   * Skipping weekends makes a daily season a trading week of 5 periods.
   */
  public static Season of(Instances data, String timeAttribute, String skipPeriods) {
    Periodicity periodicity =
        TSLagMaker.determinePeriodicity(data, timeAttribute, Periodicity.UNKNOWN).getPeriodicity();
    if (periodicity == Periodicity.UNKNOWN && skipPeriods != null) {
      periodicity = commonestGap(data, data.attribute(timeAttribute).index());
    }
    boolean weekends =
        skipPeriods != null && skipPeriods.toLowerCase(java.util.Locale.ROOT).contains("weekend");
    return new Season(
        periodicity,
        switch (periodicity) {
          case MONTHLY -> 12;
          case QUARTERLY -> 4;
          case WEEKLY -> 52;
          case DAILY -> weekends ? 5 : 7;
          case HOURLY -> 24;
          default -> 1;
        });
  }

  private static Periodicity commonestGap(Instances data, int time) {
    java.util.Map<Long, Integer> gaps = new java.util.HashMap<>();
    for (int row = 1; row < data.numInstances(); row++) {
      double gap = data.instance(row).value(time) - data.instance(row - 1).value(time);
      if (!Double.isNaN(gap) && gap > 0) {
        gaps.merge(Math.round(gap / 3_600_000.0), 1, Integer::sum); // in hours
      }
    }
    long hours =
        gaps.entrySet().stream()
            .max(java.util.Map.Entry.comparingByValue())
            .map(java.util.Map.Entry::getKey)
            .orElse(0L);
    if (hours == 1) {
      return Periodicity.HOURLY;
    }
    if (hours >= 23 && hours <= 25) {
      return Periodicity.DAILY;
    }
    if (hours >= 167 && hours <= 169) {
      return Periodicity.WEEKLY;
    }
    if (hours >= 28 * 24 - 1 && hours <= 31 * 24 + 1) {
      return Periodicity.MONTHLY;
    }
    if (hours >= 89 * 24 && hours <= 92 * 24 + 1) {
      return Periodicity.QUARTERLY;
    }
    if (hours >= 365 * 24 - 1 && hours <= 366 * 24 + 1) {
      return Periodicity.YEARLY;
    }
    return Periodicity.UNKNOWN;
  }

  /**
   * Adds the calendar attributes of this periodicity to the lag maker (month and quarter, day of
   * week, ...).
   */
  void describePeriods(TSLagMaker lags) {
    switch (periodicity) {
      case MONTHLY -> {
        lags.setAddMonthOfYear(true);
        lags.setAddQuarterOfYear(true);
      }
      case QUARTERLY -> lags.setAddQuarterOfYear(true);
      case DAILY -> {
        lags.setAddDayOfWeek(true);
        lags.setAddWeekendIndicator(true);
      }
      case HOURLY -> lags.setAddAMIndicator(true);
      default -> {}
    }
  }
}
