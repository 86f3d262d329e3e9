package ai.lepton.ml.forecasting;

import weka.core.Instances;
import weka.filters.supervised.attribute.TSLagMaker;
import weka.filters.supervised.attribute.TSLagMaker.Periodicity;

/**
 * The rhythm of a series, read from its dates: how often it is measured (monthly, daily, ...), how many periods make
 * one season (12 months, 4 quarters, 7 days, 52 weeks, 24 hours), and which calendar attributes describe a period.
 */
public record Season(Periodicity periodicity, int length) {

  /** From the time attribute's values, as Weka's forecasting package detects it. */
  public static Season of(Instances data, String timeAttribute) {
    Periodicity periodicity =
        TSLagMaker.determinePeriodicity(data, timeAttribute, Periodicity.UNKNOWN).getPeriodicity();
    return new Season(periodicity, switch (periodicity) {
      case MONTHLY -> 12;
      case QUARTERLY -> 4;
      case WEEKLY -> 52;
      case DAILY -> 7;
      case HOURLY -> 24;
      default -> 1;
    });
  }

  /** Adds the calendar attributes of this periodicity to the lag maker (month and quarter, day of week, ...). */
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
      default -> { }
    }
  }
}
