package ai.lepton.ml.forecasting;

import ai.lepton.ml.NameList;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.scoring.LiveModelFile;
import ai.lepton.ml.scoring.ScoringException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.timeseries.WekaForecaster;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.supervised.attribute.TSLagMaker;

/**
 * Forecasts with the live version of a deployed forecasting model: the periods after its series,
 * from the state it was primed with at training. Each call reads a fresh copy of the approved model
 * file (its SHA-256 checked), so concurrent forecasts never share a forecaster's state.
 */
@Component
public class LiveForecasts {

  /** The furthest a forecast may reach, in periods. */
  public static final int MAX_HORIZON = 1000;

  private final ModelRegistry registry;

  public LiveForecasts(ModelRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param overlays one map per future period with the values of the model's overlay inputs
   *     (promotions, prices...); required when the model was trained with overlays, one per period
   *     of the horizon
   */
  public Forecast forecast(String modelName, int horizon, List<Map<String, Object>> overlays) {
    if (horizon < 1 || horizon > MAX_HORIZON) {
      throw new ScoringException(
          ScoringException.INVALID_FEATURES,
          "The horizon is how many periods ahead to forecast: 1 to "
              + MAX_HORIZON
              + ", not "
              + horizon);
    }
    LiveModelFile live = LiveModelFile.read(registry, modelName);
    ModelVersion version = live.version();
    if (!(live.model() instanceof WekaForecaster forecaster)) {
      throw new ScoringException(
          ScoringException.NOT_A_FORECAST_MODEL,
          "Model '"
              + modelName
              + "' decides on"
              + " records (problem type "
              + version.problemType()
              + "): it does not forecast a series");
    }
    Instances history = live.header(); // the series' last periods (ForecastTrainer)
    Instances header = new Instances(history, 0);
    try {
      forecaster.primeForecaster(history);
      List<List<NumericPrediction>> steps =
          forecaster.isUsingOverlayData()
              ? forecaster.forecast(horizon, future(forecaster, header, horizon, overlays))
              : forecaster.forecast(horizon);
      TSLagMaker lags = forecaster.getTSLagMaker();
      Attribute time = header.attribute(lags.getTimeStampField());
      List<String> targets = NameList.of(forecaster.getFieldsToForecast());
      List<List<Forecast.Period>> series = new ArrayList<>();
      targets.forEach(target -> series.add(new ArrayList<>()));
      double at =
          history.lastInstance().value(time); // the series' last period; each step advances from it
      for (List<NumericPrediction> step : steps) {
        at = lags.advanceSuppliedTimeValue(at);
        String period = time == null ? null : time.formatDate(at);
        for (int t = 0; t < targets.size(); t++) {
          NumericPrediction prediction = step.get(t);
          double[][] interval = prediction.predictionIntervals();
          boolean bounded = interval != null && interval.length > 0 && interval[0].length == 2;
          series
              .get(t)
              .add(
                  new Forecast.Period(
                      period,
                      prediction.predicted(),
                      bounded ? interval[0][0] : null,
                      bounded ? interval[0][1] : null));
        }
      }
      List<Forecast.Series> others = new ArrayList<>();
      for (int t = 1; t < targets.size(); t++) {
        others.add(new Forecast.Series(targets.get(t), series.get(t)));
      }
      return new Forecast(modelName, version.id(), targets.get(0), series.get(0), others);
    } catch (ScoringException e) {
      throw e;
    } catch (Exception e) {
      throw new ScoringException(
          ScoringException.MODEL_UNAVAILABLE,
          "Model '"
              + modelName
              + "' could not forecast: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** The future periods' overlay values as the forecaster reads them: every other field unknown. */
  private static Instances future(
      WekaForecaster forecaster,
      Instances header,
      int horizon,
      List<Map<String, Object>> overlays) {
    List<String> names = NameList.of(forecaster.getOverlayFields());
    if (overlays == null || overlays.size() < horizon) {
      throw new ScoringException(
          ScoringException.INVALID_FEATURES,
          "This model forecasts with inputs known in"
              + " advance: give "
              + names
              + " for each of the "
              + horizon
              + " periods (overlays: a list of "
              + horizon
              + " objects)");
    }
    Instances future = new Instances(header, horizon);
    for (int step = 0; step < horizon; step++) {
      double[] values = new double[header.numAttributes()];
      java.util.Arrays.fill(values, Utils.missingValue());
      Instance row = new DenseInstance(1.0, values);
      row.setDataset(future);
      for (String name : names) {
        Attribute attribute = header.attribute(name);
        Object value = overlays.get(step).get(name);
        if (value == null) {
          throw new ScoringException(
              ScoringException.INVALID_FEATURES,
              "Period " + (step + 1) + " has no value for" + " the overlay input '" + name + "'");
        }
        if (attribute.isNumeric()) {
          try {
            row.setValue(attribute, Double.parseDouble(value.toString()));
          } catch (NumberFormatException e) {
            throw new ScoringException(
                ScoringException.INVALID_FEATURES,
                "Period " + (step + 1) + ": '" + name + "' is a number, not '" + value + "'");
          }
        } else if (attribute.indexOfValue(value.toString()) < 0) {
          throw new ScoringException(
              ScoringException.INVALID_FEATURES,
              "Period "
                  + (step + 1)
                  + ": '"
                  + name
                  + "' is one of "
                  + java.util.Collections.list(attribute.enumerateValues())
                  + ", not '"
                  + value
                  + "'");
        } else {
          row.setValue(attribute, value.toString());
        }
      }
      future.add(row);
    }
    return future;
  }
}
