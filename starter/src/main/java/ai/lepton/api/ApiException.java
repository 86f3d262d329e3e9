package ai.lepton.api;

import ai.lepton.process.BpmnErrorCode;
import org.springframework.http.HttpStatus;

/**
 * A refusal of Lepton's API with its status; {@code body} (optional) replaces the plain error body.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String error;
  private final Object body;

  public ApiException(HttpStatus status, String error, String detail) {
    this(status, error, detail, null);
  }

  public ApiException(HttpStatus status, String error, String detail, Object body) {
    super(detail);
    this.status = status;
    this.error = error;
    this.body = body;
  }

  /**
   * A model that did not answer, by its error code: 404 no such deployed model, 503 its file cannot
   * be read, 400 anything else (the caller's record, horizon or rule set).
   */
  static ApiException modelRefused(String code, String detail) {
    HttpStatus status =
        BpmnErrorCode.MODEL_NOT_FOUND.name().equals(code)
            ? HttpStatus.NOT_FOUND
            : BpmnErrorCode.MODEL_UNAVAILABLE.name().equals(code)
                ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.BAD_REQUEST;
    return new ApiException(status, code, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public Object body() {
    return body != null ? body : new ApiError(error, getMessage());
  }
}
