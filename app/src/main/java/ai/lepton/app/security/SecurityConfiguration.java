package ai.lepton.app.security;

import ai.lepton.access.CamundaAuthenticationFilter;
import ai.lepton.access.CrossSiteRequestFilter;
import ai.lepton.access.ReadRule;
import ai.lepton.api.ApiError;
import ai.lepton.ml.audit.AuditTrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, decided once on the decoded, normalised path the application serves (Spring
 * Security's {@link PathPatternRequestMatcher}, behind its strict firewall, which refuses encoded
 * slashes, dot segments, semicolons and double encoding outright).
 *
 * <p>The webapps (Cockpit, Tasklist, Admin under {@code /camunda/}), their index redirect and
 * {@code /health} are the only paths passed on without a login here; the webapps keep Camunda's own
 * login and CSRF protection. Every other path, known or not, needs HTTP Basic against Camunda's
 * users, or a bearer token (JWT) when an issuer's key is configured ({@link BearerTokenUsers}),
 * with no session and 401/403 as JSON (one exception: Lepton's Cockpit plugin reads {@code GET
 * /api/**} as the user logged into the webapps, with the session's CSRF token; {@link
 * WebappSessionLogins}): Lepton's API, Camunda's REST API, and whatever a spelling of them might
 * reach. The audit endpoints need an auditor, model risk officer or administrator. Then Camunda's
 * authorizations decide per group what each user may do.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

  /**
   * Paths served without a login of ours: Camunda's webapps (their own login), the index redirect,
   * health.
   */
  static final String[] OPEN_PATHS = {"/camunda/**", "/", "/health", "/favicon.ico", "/error"};

  @Bean
  @Order(1)
  public SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    http.securityMatcher(paths(OPEN_PATHS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable()) // Camunda's webapps run their own CSRF filter and login
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  /**
   * Everything the webapps chain did not take: deny by default, HTTP Basic, audit paths for audit
   * readers.
   */
  @Bean
  @Order(2)
  public SecurityFilterChain api(
      HttpSecurity http,
      CamundaIdentityAuthenticationProvider users,
      IdentityService identity,
      AuditTrail audit,
      ObjectMapper json,
      ObjectProvider<JwtDecoder> tokens,
      BearerTokenUsers tokenUsers,
      ProcessEngine engine,
      @Value("${lepton.security.recheck-after:PT10S}") Duration recheckAfter)
      throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) ->
            write(
                response,
                json,
                HttpServletResponse.SC_UNAUTHORIZED,
                "Unauthorized",
                e instanceof InsufficientAuthenticationException
                    ? "Log in with HTTP Basic authentication (user and password of a Lepton user)"
                        + (tokens.getIfAvailable() == null
                            ? ""
                            : " or a bearer token of the configured issuer")
                    : e.getMessage());
    JwtDecoder decoder = tokens.getIfAvailable();
    if (decoder != null) {
      // machines log in with a token the configured issuer signed; Lepton's and Camunda's rights
      // still come from
      // the token's user's groups in Camunda (BearerTokenUsers)
      http.oauth2ResourceServer(
          server ->
              server
                  .authenticationEntryPoint(unauthorized)
                  .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(tokenUsers)));
    }
    http.authenticationProvider(users)
        .authorizeHttpRequests(
            requests -> {
              for (ReadRule rule : ReadRule.ALL) {
                requests
                    .requestMatchers(paths(rule.paths().toArray(String[]::new)))
                    .hasAnyAuthority(rule.authorities());
              }
              requests.anyRequest().authenticated();
            })
        .httpBasic(basic -> basic.realmName("Lepton").authenticationEntryPoint(unauthorized))
        .exceptionHandling(
            errors ->
                errors.accessDeniedHandler(
                    (request, response, e) -> {
                      String why =
                          ReadRule.ALL.stream()
                              .filter(
                                  rule ->
                                      paths(rule.paths().toArray(String[]::new)).matches(request))
                              .map(ReadRule::refusal)
                              .findFirst()
                              .orElse("Not allowed for your groups");
                      refused(audit, request, why);
                      write(response, json, HttpServletResponse.SC_FORBIDDEN, "Forbidden", why);
                    }))
        // nothing is kept in a session here, so there is no session to protect from fixation:
        // changing the id would
        // log the same browser out of Camunda's webapps (whose login lives in that session)
        .sessionManagement(
            session ->
                session
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        .csrf(
            csrf -> csrf.disable()) // no cookies on these paths: every call carries its credentials
        // Lepton's Cockpit plugin reads as the user logged into the webapps (GET only, with the
        // session's CSRF token)
        .addFilterBefore(
            new WebappSessionLogins(identity, engine.getName(), recheckAfter),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new CamundaAuthenticationFilter(identity), BasicAuthenticationFilter.class);
    return http.build();
  }

  /**
   * A path the firewall refuses (encoded slash, dot segment, semicolon, double encoding) gets a
   * JSON 400.
   */
  @Bean
  public RequestRejectedHandler rejectedPaths(ObjectMapper json) {
    return (request, response, e) ->
        write(
            response,
            json,
            HttpServletResponse.SC_BAD_REQUEST,
            "Bad path",
            "The path is not in normal form ("
                + e.getMessage().replace("The request was rejected because ", "")
                + "): write it plainly, e.g. /api/models");
  }

  @Bean
  public FilterRegistrationBean<ServletPathSpellingFilter> servletPathSpelling(ObjectMapper json) {
    FilterRegistrationBean<ServletPathSpellingFilter> registration =
        new FilterRegistrationBean<>(new ServletPathSpellingFilter(json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Form-like calls from another site are refused on the engine's REST API as on Lepton's (the
   * starter's).
   */
  @Bean
  public FilterRegistrationBean<CrossSiteRequestFilter> engineRestCrossSiteRequests(
      AuditTrail audit,
      IdentityService identity,
      ObjectMapper json,
      @Value("${lepton.api.allowed-origins:}") List<String> origins) {
    FilterRegistrationBean<CrossSiteRequestFilter> registration =
        new FilterRegistrationBean<>(new CrossSiteRequestFilter(audit, identity, json, origins));
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    RequestMatcher[] matchers = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = builder.matcher(patterns[i]);
    }
    return new OrRequestMatcher(matchers);
  }

  private static void refused(AuditTrail audit, HttpServletRequest request, String why) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    audit.refusal(
        user == null ? null : user.getName(),
        "path",
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()),
        request.getMethod() + " " + request.getRequestURI(),
        why,
        Map.of());
  }

  private static void write(
      HttpServletResponse response, ObjectMapper json, int status, String error, String detail)
      throws IOException {
    response.setStatus(status);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Lepton\", charset=\"UTF-8\"");
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(error, detail));
  }
}
