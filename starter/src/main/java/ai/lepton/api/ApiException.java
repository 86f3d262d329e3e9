package ai.lepton.api;

import org.springframework.http.HttpStatus;

/** A refusal of Lepton's API with its status; {@code body} (optional) replaces the plain error body. */
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

  public HttpStatus status() {
    return status;
  }

  public Object body() {
    return body != null ? body : new ApiError(error, getMessage());
  }
}
