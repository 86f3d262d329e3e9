package ai.lepton.api;

import ai.lepton.ml.dataset.DatasetParseException;
import ai.lepton.ml.dataset.UnknownDatasetException;
import ai.lepton.ml.registry.UnknownModelException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Maps what goes wrong in Lepton's API to a 4xx with {@code {"error", "detail"}}. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public class ApiExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> refused(ApiException e) {
    return ResponseEntity.status(e.status()).body(e.body());
  }

  @ExceptionHandler(DatasetParseException.class)
  ResponseEntity<ApiError> unreadable(DatasetParseException e) {
    return error(HttpStatus.BAD_REQUEST, "Unreadable dataset", e.getMessage());
  }

  @ExceptionHandler({UnknownDatasetException.class, UnknownModelException.class})
  ResponseEntity<ApiError> unknown(RuntimeException e) {
    return error(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return error(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported content type",
        "Send the dataset as text/csv, text/plain (CSV or ARFF) or multipart/form-data with a field 'file'");
  }

  @ExceptionHandler({
    MissingServletRequestPartException.class,
    MissingServletRequestParameterException.class,
    HttpMessageNotReadableException.class
  })
  ResponseEntity<ApiError> badRequest(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", tooLarge.getMessage());
      }
    }
    return error(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
  }

  @ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
  ResponseEntity<ApiError> tooLarge(RequestBodyLimitFilter.BodyTooLargeException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return error(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "Dataset too large",
        "The upload is over the "
            + (e.getMaxUploadSize() > 0 ? (e.getMaxUploadSize() / 1_000_000) + " MB " : "")
            + "limit"
            + " (lepton.ingest.max-size); nothing of it was kept");
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String error, String detail) {
    return ResponseEntity.status(status).body(new ApiError(error, detail));
  }
}
