package ai.lepton.rules;

/**
 * A stock item as the replenishment rules see it: what is on hand, the safety stock to keep, and
 * the demand the live forecaster expects before a reorder placed now would arrive (over the lead
 * time), with the top of its 95 % interval; and the demand of the next period alone.
 */
public record StockPosition(
    double stockOnHand,
    double safetyStock,
    int leadTimePeriods,
    double demandOverLeadTime,
    Double upperDemandOverLeadTime,
    double demandNextPeriod) {

  /**
   * What a reorder must bring to cover the lead time's demand and the safety stock (0 when stock
   * covers it).
   */
  public double shortfall() {
    return Math.max(0, Math.ceil(demandOverLeadTime + safetyStock - stockOnHand));
  }
}
