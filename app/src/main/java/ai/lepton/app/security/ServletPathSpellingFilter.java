package ai.lepton.app.security;

import ai.lepton.api.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose servlet (Camunda's REST API at {@code /engine-rest}) the container found
 * only after decoding the path, e.g. {@code /%65ngine-rest/...}: no client needs that spelling, and
 * Spring's path parsing, which the security decision relies on, cannot split such a path into
 * servlet and rest. A 400 that says why, before any security or engine code runs.
 */
public class ServletPathSpellingFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  public ServletPathSpellingFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    String servletPath = request.getServletPath();
    if (request.getPathInfo() != null && !servletPath.isEmpty() && !raw.startsWith(servletPath)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(
          response.getOutputStream(),
          new ApiError(
              "Bad path",
              "The path is not in normal form (encoded characters in '"
                  + servletPath
                  + "'): write it plainly"));
      return;
    }
    chain.doFilter(request, response);
  }
}
