package ai.lepton.app.api;

import ai.lepton.ingest.IngestProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload whose declared length is over {@code lepton.ingest.max-size} before its body is read, so a
 * huge POST is answered with a 413 instead of filling the heap. (The pipeline checks the size again.)
 */
@Component
public class UploadSizeLimitFilter extends OncePerRequestFilter {

  private final IngestProperties properties;
  private final ObjectMapper json;

  public UploadSizeLimitFilter(IngestProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/engagements/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = properties.maxSize().toBytes();
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), new ApiError("Dataset too large", String.format(
          "The upload is %d MB, over the %d MB limit (lepton.ingest.max-size)",
          request.getContentLengthLong() / 1_000_000, properties.maxSize().toMegabytes())));
      return;
    }
    chain.doFilter(request, response);
  }
}
