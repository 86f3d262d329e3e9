package ai.lepton.processes.stock;

import ai.lepton.ml.delegate.RequiredVariables;
import ai.lepton.ml.forecasting.Forecast;
import ai.lepton.ml.forecasting.ForecastLog;
import ai.lepton.ml.forecasting.LiveForecasts;
import ai.lepton.ml.scoring.ScoringException;
import ai.lepton.process.BpmnErrorCode;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Forecasts an item's demand over the lead time with the live version of a deployed forecasting
 * model ({@code modelName}, {@code leadTimePeriods}), logs the forecast, and sets what the
 * replenishment rules read: {@code demandOverLeadTime} (the forecasts added up), {@code
 * upperDemandOverLeadTime} (the tops of their 95 % intervals, when the model gives them), {@code
 * demandNextPeriod}, {@code reorderQuantity} (what covers the lead time's demand and {@code
 * safetyStock} beyond {@code stockOnHand}), {@code forecastId}, {@code forecastModelVersionId}. A
 * model that cannot forecast throws a BPMN error with the reason. A model that forecasts several
 * series (one per item) is asked for one of them with {@code forecastTarget} (its target when not
 * given).
 */
@Component(ProcessBeans.FORECAST_DEMAND)
public class ForecastDemandDelegate implements JavaDelegate {

  private final LiveForecasts forecasts;
  private final ForecastLog log;

  public ForecastDemandDelegate(LiveForecasts forecasts, ForecastLog log) {
    this.forecasts = forecasts;
    this.log = log;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String modelName = RequiredVariables.string(execution, ProcessVariables.MODEL_NAME);
    int leadTime = RequiredVariables.integer(execution, ProcessVariables.LEAD_TIME_PERIODS);
    double stock = number(execution, ProcessVariables.STOCK_ON_HAND, null);
    double safety = number(execution, ProcessVariables.SAFETY_STOCK, 0.0);
    Forecast forecast;
    try {
      forecast = forecasts.forecast(modelName, leadTime, null);
    } catch (ScoringException e) {
      throw new BpmnError(e.code(), e.getMessage());
    }
    Object named = execution.getVariable(ProcessVariables.FORECAST_TARGET);
    String series =
        named == null || named.toString().isBlank() ? forecast.target() : named.toString().strip();
    List<Forecast.Period> periods =
        forecast
            .periodsOf(series)
            .orElseThrow(
                () ->
                    new BpmnError(
                        BpmnErrorCode.INVALID_FEATURES.name(),
                        "Model '"
                            + modelName
                            + "' forecasts "
                            + forecast.series()
                            + ", not '"
                            + series
                            + "': name one of them as forecastTarget"));
    double demand = 0;
    double upper = 0;
    boolean bounded = true;
    for (Forecast.Period period : periods) {
      demand += period.forecast();
      bounded &= period.upper() != null;
      upper += period.upper() == null ? 0 : period.upper();
    }
    execution.setVariable(ProcessVariables.FORECAST_MODEL_VERSION_ID, forecast.modelVersionId());
    execution.setVariable(
        ProcessVariables.FORECAST_ID,
        log.record(forecast, null, "process " + execution.getProcessInstanceId()));
    execution.setVariable(ProcessVariables.DEMAND_OVER_LEAD_TIME, demand);
    execution.setVariable(ProcessVariables.UPPER_DEMAND_OVER_LEAD_TIME, bounded ? upper : null);
    execution.setVariable(ProcessVariables.DEMAND_NEXT_PERIOD, periods.get(0).forecast());
    execution.setVariable(
        ProcessVariables.REORDER_QUANTITY, Math.max(0, Math.ceil(demand + safety - stock)));
  }

  private static double number(DelegateExecution execution, String name, Double fallback) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      if (fallback == null) {
        throw new BpmnError(
            BpmnErrorCode.INVALID_FEATURES.name(), "The process needs '" + name + "' (a number)");
      }
      return fallback;
    }
    try {
      return Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      throw new BpmnError(
          BpmnErrorCode.INVALID_FEATURES.name(),
          "'" + name + "' must be a number, not '" + value + "'");
    }
  }
}
