package ai.lepton.access;

import ai.lepton.api.ApiError;
import ai.lepton.ml.audit.AuditTrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Lepton's API decides access itself, whatever login the application put in front of it: a call for
 * which no user acts in the engine is refused (401), and a read of raw data, the decision log or
 * the audit trail by a user outside the groups of its {@link ReadRule} is refused (403, audited).
 * Lepton's own distribution refuses both earlier, in its security chain; a host application that
 * adds the starter gets the same answers from this filter.
 */
public class ApiAccessFilter extends OncePerRequestFilter {

  private record Rule(ReadRule rule, List<PathPattern> patterns) {}

  private final IdentityService identity;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final List<Rule> rules =
      ReadRule.ALL.stream()
          .map(
              rule ->
                  new Rule(
                      rule,
                      rule.paths().stream().map(PathPatternParser.defaultInstance::parse).toList()))
          .toList();

  public ApiAccessFilter(IdentityService identity, AuditTrail audit, ObjectMapper json) {
    this.identity = identity;
    this.audit = audit;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Lepton\", charset=\"UTF-8\"");
      write(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          "Unauthorized",
          "Log in: Lepton's API acts as a Camunda user, and no user is logged in for this call");
      return;
    }
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    PathContainer container = PathContainer.parsePath(path);
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    Optional<ReadRule> refusing =
        rules.stream()
            .filter(
                rule -> rule.patterns().stream().anyMatch(pattern -> pattern.matches(container)))
            .map(Rule::rule)
            .filter(rule -> rule.groups().stream().noneMatch(groups::contains))
            .findFirst();
    if (refusing.isPresent()) {
      audit.refusal(
          user.getUserId(),
          "path",
          path,
          request.getMethod() + " " + request.getRequestURI(),
          refusing.get().refusal(),
          Map.of());
      write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", refusing.get().refusal());
      return;
    }
    chain.doFilter(request, response);
  }

  private void write(HttpServletResponse response, int status, String error, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(error, detail));
  }
}
