package ai.lepton.ml.forecasting;

/**
 * The error of forecasts made {@code step} periods ahead over the held-out periods: how many there
 * were, mean absolute error, root mean squared error and mean absolute percentage error (in
 * percent; periods with an actual of 0 left out of it).
 */
public record StepErrors(int step, int count, double mae, double rmse, double mape) {}
