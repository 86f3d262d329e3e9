package ai.lepton.api;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.forecasting.Forecast;
import ai.lepton.ml.forecasting.ForecastLog;
import ai.lepton.ml.forecasting.LiveForecasts;
import ai.lepton.ml.scoring.ScoringException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forecasts from deployed forecasting models, logged like decisions; the forecast log for those who
 * read logs.
 */
@RestController
@ConditionalOnProperty(prefix = "lepton.decisions", name = "enabled", matchIfMissing = true)
public class ForecastController {

  /**
   * What a forecast is asked for: how many periods ahead, and the overlay inputs of each of them if
   * the model has any.
   */
  @Schema(description = "How many periods ahead, and the inputs known in advance for each of them")
  public record ForecastRequest(
      @Schema(description = "Periods ahead", example = "12") Integer horizon,
      @Schema(
              description =
                  "One object per period with the model's overlay inputs (only for models that have them)")
          List<Map<String, Object>> overlays) {}

  /** The forecast as logged. */
  @Schema(description = "The next periods of the series with 95 % intervals, as logged")
  public record ForecastAnswer(
      String modelName,
      String modelVersionId,
      String target,
      List<Forecast.Period> periods,
      @Schema(
              description =
                  "The other series the model forecasts jointly with its target, each with its periods"
                      + " (empty for a model of one series)")
          List<Forecast.Series> otherTargets,
      @Schema(
              description = "The forecast's id in the forecast log",
              example = "fc-019ad3f1c2a07c3e9b1d")
          String forecastId) {}

  private final LiveForecasts forecasts;
  private final ForecastLog log;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ProcessEngineConfiguration engine;
  private final AuditTrail audit;

  public ForecastController(
      LiveForecasts forecasts,
      ForecastLog log,
      IdentityService identity,
      AuthorizationService authorizations,
      ProcessEngineConfiguration engine,
      AuditTrail audit) {
    this.forecasts = forecasts;
    this.log = log;
    this.identity = identity;
    this.authorizations = authorizations;
    this.engine = engine;
    this.audit = audit;
  }

  @PostMapping("/api/forecasts/{modelName}")
  @Operation(
      summary = "Forecast the next periods with a deployed forecasting model",
      description =
          "The live version forecasts the periods after its series, with 95 % intervals; the forecast is"
              + " logged. 404 unknown model; 400 a horizon outside 1..1000, missing overlay values, or a model that"
              + " decides on records instead; 403 groups that may not make decisions either (auditors); 503 the model"
              + " file cannot be read.")
  public ForecastAnswer forecast(
      @PathVariable String modelName, @RequestBody(required = false) ForecastRequest request) {
    Authentication user = identity.getCurrentAuthentication();
    // the right a decision needs (it starts a model-decision instance): a forecast is logged, so
    // read-only groups
    // such as auditors, and business groups that decide only through their own process, may not
    // make one
    if (engine.isAuthorizationEnabled()
        && !authorizations.isUserAuthorized(
            user.getUserId(), user.getGroupIds(), Permissions.CREATE, Resources.PROCESS_INSTANCE)) {
      String why =
          "Forecasts are made by the groups that may start processes, as decisions are; "
              + user.getUserId()
              + " may not";
      audit.refusal(
          user.getUserId(),
          "path",
          "/api/forecasts/" + modelName,
          "POST /api/forecasts/" + modelName,
          why,
          Map.of());
      throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", why);
    }
    if (request == null || request.horizon() == null) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid forecast request",
          "Send how many periods ahead to forecast as JSON, e.g. {\"horizon\": 12}");
    }
    Forecast forecast;
    try {
      forecast = forecasts.forecast(modelName, request.horizon(), request.overlays());
    } catch (ScoringException e) {
      throw ApiException.modelRefused(e.code(), e.getMessage());
    }
    String id = log.record(forecast, request.overlays(), user.getUserId());
    return new ForecastAnswer(
        forecast.modelName(),
        forecast.modelVersionId(),
        forecast.target(),
        forecast.periods(),
        forecast.otherTargets(),
        id);
  }

  /** Who may read it is decided before this runs, on the path ({@code ReadRule.FORECAST_LOG}). */
  @GetMapping("/api/forecasts")
  @Operation(
      summary = "The newest forecasts of a model (auditors, model risk officers, administrators)")
  public List<ForecastLog.LoggedForecast> recent(
      @RequestParam("model") String modelName, @RequestParam(defaultValue = "100") int limit) {
    return log.recent(modelName, Math.max(1, Math.min(limit, 1000)));
  }
}
