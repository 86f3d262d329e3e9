package ai.lepton.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit, enforced while it is read, whether its length is declared or it
 * comes chunked: a dataset upload, a batch of records to decide and a trained candidate handed back
 * by a worker {@code lepton.ingest.max-size}, any other Lepton API call (a decision, an outcome)
 * {@code lepton.api.max-body} (64 KB), the engine's REST API and the webapps {@code
 * lepton.engine-rest.max-body} (1 MB). A declared length over the limit is a 413 before a byte is
 * read; a body that grows past it is cut off at the limit and answered 413, so memory never holds
 * more than the limit. (Multipart uploads are bounded by {@code spring.servlet.multipart.*}, set to
 * the same ingest limit.)
 */
@Component
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final DataSize uploadLimit;
  private final ObjectMapper json;
  private final DataSize apiLimit;
  private final DataSize engineLimit;

  public RequestBodyLimitFilter(
      @Value("${lepton.ingest.max-size:200MB}") DataSize uploadLimit,
      ObjectMapper json,
      @Value("${lepton.api.max-body:64KB}") DataSize apiLimit,
      @Value("${lepton.engine-rest.max-body:1MB}") DataSize engineLimit) {
    this.uploadLimit = uploadLimit;
    this.json = json;
    this.apiLimit = apiLimit;
    this.engineLimit = engineLimit;
  }

  /** The limit for this request and the setting that sets it. */
  record Limit(long bytes, String setting, String what) {}

  Limit limitFor(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.startsWith("/api/engagements/")
        && (path.endsWith("/datasets") || path.endsWith("/monitoring-data"))) {
      return new Limit(uploadLimit.toBytes(), "lepton.ingest.max-size", "A dataset");
    }
    if (path.startsWith("/api/decisions/") && path.endsWith("/batch")) {
      return new Limit(uploadLimit.toBytes(), "lepton.ingest.max-size", "A batch of records");
    }
    if (path.startsWith("/api/training-tasks/") && path.endsWith("/candidate")) {
      // a trained model handed back by a worker: as large as the data it learned from may make it
      return new Limit(uploadLimit.toBytes(), "lepton.ingest.max-size", "A trained candidate");
    }
    if (path.startsWith("/api/")) {
      return new Limit(apiLimit.toBytes(), "lepton.api.max-body", "A request to Lepton's API");
    }
    return new Limit(
        engineLimit.toBytes(), "lepton.engine-rest.max-body", "A request to the engine");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Limit limit = limitFor(request);
    if (request.getContentLengthLong() > limit.bytes()) {
      tooLarge(response, limit, request.getContentLengthLong());
      return;
    }
    Bounded bounded = new Bounded(request, limit);
    try {
      chain.doFilter(bounded, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!bounded.exceeded || response.isCommitted()) {
        throw e;
      }
    }
    if (bounded.exceeded && !response.isCommitted()) {
      response.reset();
      tooLarge(response, limit, -1);
    }
  }

  private void tooLarge(HttpServletResponse response, Limit limit, long declared)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setHeader("Connection", "close");
    String detail =
        declared >= 0
            ? String.format(
                "%s is %s, over the %s limit (%s)",
                limit.what(), describe(declared), describe(limit.bytes()), limit.setting())
            : grewPast(limit);
    json.writeValue(
        response.getOutputStream(),
        new ApiError(
            limit.what().equals("A dataset") ? "Dataset too large" : "Request too large", detail));
  }

  private static String grewPast(Limit limit) {
    return String.format(
        "%s grew past the %s limit (%s) while it was read; nothing of it was kept",
        limit.what(), describe(limit.bytes()), limit.setting());
  }

  /**
   * Reading went past the limit; its message is the answer's detail (the API's error handler
   * answers 413).
   */
  public static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(String detail) {
      super(detail);
    }
  }

  private static String describe(long bytes) {
    return bytes >= 1 << 20
        ? (bytes >> 20) + " MB"
        : bytes >= 1 << 10 ? (bytes >> 10) + " KB" : bytes + " bytes";
  }

  /** The request, its body readable up to the limit and no further. */
  private static final class Bounded extends HttpServletRequestWrapper {

    private final Limit limit;
    private ServletInputStream stream;
    boolean exceeded;

    Bounded(HttpServletRequest request, Limit limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private final class Counting extends ServletInputStream {

      private final ServletInputStream in;
      private long read;

      Counting(ServletInputStream in) {
        this.in = in;
      }

      private void count(long n) throws IOException {
        if (n > 0) {
          read += n;
          if (read > limit.bytes()) {
            exceeded = true;
            throw new BodyTooLargeException(grewPast(limit));
          }
        }
      }

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n =
            in.read(buffer, offset, (int) Math.min(length, Math.max(1, limit.bytes() - read + 1)));
        count(n);
        return n;
      }

      @Override
      public boolean isFinished() {
        return in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    }
  }
}
