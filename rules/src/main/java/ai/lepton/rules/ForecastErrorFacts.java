package ai.lepton.rules;

/**
 * A deployed forecaster's error on the periods whose actuals came in since its series ended, beside
 * the error it was approved on (both mean absolute errors).
 */
public record ForecastErrorFacts(double recentMae, double approvedMae, int periods) {

  /** The recent error as a multiple of the approved one. */
  public double ratio() {
    return approvedMae <= 0 ? Double.POSITIVE_INFINITY : recentMae / approvedMae;
  }
}
