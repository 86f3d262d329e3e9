package ai.lepton.ml.forecasting;

import weka.classifiers.Classifier;
import weka.classifiers.timeseries.WekaForecaster;

/**
 * Weka's forecaster set up by hand, as the package's own users set it up, to compare Lepton's
 * figures with.
 */
public final class ByHand {

  private ByHand() {}

  /** A monthly series dated in {@code Date}: lags 1..12, month and quarter of the year. */
  public static WekaForecaster monthly(Classifier learner, String fieldsToForecast)
      throws Exception {
    WekaForecaster byHand = new WekaForecaster();
    byHand.setFieldsToForecast(fieldsToForecast);
    byHand.setBaseForecaster(learner);
    byHand.getTSLagMaker().setTimeStampField("Date");
    byHand.getTSLagMaker().setMinLag(1);
    byHand.getTSLagMaker().setMaxLag(12);
    byHand.getTSLagMaker().setAddMonthOfYear(true);
    byHand.getTSLagMaker().setAddQuarterOfYear(true);
    return byHand;
  }
}
