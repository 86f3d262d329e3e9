package ai.lepton.ml.monitoring;

import ai.lepton.ml.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A monitoring check as stored and as the maintenance rules read it: recent inputs against the
 * training data (PSI, KS per attribute), accuracy on known outcomes, and for a forecaster its error
 * on the periods whose actuals came in. Read from the check's document by name; tests read real
 * checks with {@link #strictly(Map)}, which fails on a field the check writes and this view lacks,
 * so the contract cannot silently lose one.
 */
@Schema(description = "A monitoring check of a model version")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record MonitoringCheck(
    @Schema(example = "mc-3f9a1c0d2b7e4a51") String checkId,
    String modelVersionId,
    String modelName,
    String engagement,
    String checkedAt,
    @Schema(
            description =
                "What was compared: decisions since a time and monitoring datasets, or one dataset")
        Source source,
    @Schema(description = "Recent input rows compared with the training data") long recentRows,
    PsiBands psiBands,
    @Schema(
            description =
                "Enough recent rows (minimumRows) to judge drift at all (absent from checks made"
                    + " before the field existed, which always judged it)",
            nullable = true)
        Boolean driftJudged,
    int minimumRows,
    @Schema(description = "Attributes whose PSI is above the significant band")
        long significantDrift,
    @Schema(description = "Attributes whose PSI is between the bands") long moderateDrift,
    @Schema(nullable = true) String mostDrifted,
    @Schema(nullable = true) Double maxPsi,
    @Schema(
            description = "Share right among the known outcomes (null: none known)",
            nullable = true)
        Double recentAccuracy,
    long labelledOutcomes,
    long outcomesFromDecisions,
    long labelledMonitoringRows,
    @Schema(description = "Monitoring rows with a value the model never saw")
        long unscorableMonitoringRows,
    @Schema(description = "The approved cross-validated accuracy", nullable = true)
        Double baselineAccuracy,
    @Schema(description = "A version deployed before this one exists (rollback possible)")
        boolean previousVersion,
    @Schema(
            description =
                "A forecaster: the series the figures below are of (of several, the one furthest from its"
                    + " approved error)",
            nullable = true)
        String forecastTarget,
    @Schema(
            description = "A forecaster: the actuals that matched a forecast period",
            nullable = true)
        Integer forecastPeriodsChecked,
    @Schema(description = "A forecaster: its MAE on those periods", nullable = true)
        Double recentForecastMae,
    @Schema(description = "A forecaster: its approved time-ordered MAE", nullable = true)
        Double approvedForecastMae,
    @Schema(description = "A forecaster: the newest periods compared (at most 60)", nullable = true)
        List<ForecastPeriod> forecastAgainstActual,
    @Schema(description = "A forecaster of several series: each one's figures", nullable = true)
        List<SeriesError> forecastTargets,
    @Schema(
            description =
                "Drift per attribute (absent from the process variable and the audit entry)")
        List<AttributeDrift> attributes) {

  /** What a check compared. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Source(
      String since, String description, int decisions, List<String> monitoringDatasets) {}

  /** The PSI bands: moderate drift from the first, significant above the second. */
  public record PsiBands(double moderate, double significant) {}

  /**
   * One attribute's drift: PSI, for numbers the Kolmogorov-Smirnov statistic and p-value, for free
   * text the share of recent words the training texts never had and that share within the training
   * texts themselves.
   */
  public record AttributeDrift(
      String attribute,
      String type,
      double psi,
      Double ksStatistic,
      Double ksPValue,
      int trainingRows,
      int recentRows,
      Double unseenWordShare,
      Double trainingUnseenWordShare) {}

  /**
   * One series of a forecaster: its approved MAE and its MAE on the periods whose actuals came in.
   */
  public record SeriesError(
      String target,
      Double approvedForecastMae,
      int forecastPeriodsChecked,
      Double recentForecastMae) {}

  /** A period whose actual came in, beside the live forecast of it. */
  public record ForecastPeriod(String period, double actual, double forecast, int stepsAhead) {}

  /** Whether the check judged drift (a check from before {@code driftJudged} existed did). */
  public boolean judgedDrift() {
    return !Boolean.FALSE.equals(driftJudged);
  }

  /**
   * The check's document as this view (a field of an older version's check that is gone is
   * skipped).
   */
  public static MonitoringCheck of(Map<String, Object> check) {
    return Json.convert(check, MonitoringCheck.class);
  }

  /**
   * The check's document as this view, failing on a field the view does not know (see the class
   * comment).
   */
  public static MonitoringCheck strictly(Map<String, Object> check) {
    return Json.convertStrictly(check, MonitoringCheck.class);
  }
}
