package ai.lepton.access;

import ai.lepton.api.ApiError;
import ai.lepton.ml.audit.AuditTrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lepton's API and the engine's REST API take HTTP Basic, which a browser that once logged in sends
 * again by itself. A page on another site could therefore make it post what an HTML form or a
 * simple {@code fetch} can send ({@code text/plain}, {@code multipart/form-data}, {@code
 * application/x-www-form-urlencoded}). Such a state-changing call is refused (403, audited) when
 * its {@code Origin} — or, without one, its {@code Referer} — is another site than this one or
 * {@code lepton.api.allowed-origins}. Machine callers send neither header and are not affected;
 * JSON calls from another site cannot be sent without a CORS preflight, which Lepton does not
 * allow.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final List<String> FORM_TYPES =
      List.of(
          MediaType.TEXT_PLAIN_VALUE,
          MediaType.MULTIPART_FORM_DATA_VALUE,
          MediaType.APPLICATION_FORM_URLENCODED_VALUE);

  private final AuditTrail audit;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final List<String> allowedOrigins;

  public CrossSiteRequestFilter(
      AuditTrail audit, IdentityService identity, ObjectMapper json, List<String> allowedOrigins) {
    this.audit = audit;
    this.identity = identity;
    this.json = json;
    this.allowedOrigins =
        allowedOrigins.stream().map(CrossSiteRequestFilter::origin).filter(o -> o != null).toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    // the webapps run Camunda's own CSRF protection
    return SAFE_METHODS.contains(request.getMethod()) || path.startsWith("/camunda/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    boolean formLike =
        contentType.isBlank() || FORM_TYPES.stream().anyMatch(contentType::startsWith);
    String claimed =
        request.getHeader("Origin") != null
            ? request.getHeader("Origin")
            : request.getHeader("Referer");
    if (!formLike || claimed == null || sameSite(request, claimed)) {
      chain.doFilter(request, response);
      return;
    }
    String why =
        "A "
            + (contentType.isBlank() ? "body-less" : contentType)
            + " "
            + request.getMethod()
            + " from another site ("
            + claimed
            + ") is refused: call Lepton's API from a program (no Origin header), or"
            + " from this site";
    Authentication user = identity.getCurrentAuthentication();
    audit.refusal(
        user == null ? null : user.getUserId(),
        "path",
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()),
        request.getMethod() + " " + request.getRequestURI(),
        why,
        Map.of("origin", claimed));
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError("Cross-site request", why));
  }

  private boolean sameSite(HttpServletRequest request, String claimed) {
    String origin = origin(claimed);
    if (origin == null) {
      return false; // "null" origins (sandboxed frames, file:) and garbage are other sites
    }
    String own =
        origin(
            request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    return origin.equals(own) || allowedOrigins.contains(origin);
  }

  /** scheme://host:port, the port made explicit; null for anything that is not an http(s) URL. */
  static String origin(String url) {
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        return null;
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
