package ai.lepton.app.security;

import ai.lepton.app.api.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Spring Security in front of Lepton's API and Camunda's REST API: HTTP Basic against Camunda's users, no session,
 * 401/403 as JSON; the audit endpoints need an auditor, model risk officer or administrator. Then Camunda's
 * authorizations decide per group what each user may do. The webapps (Cockpit, Tasklist, Admin) keep Camunda's own
 * login and CSRF protection; {@code /health} is open.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

  @Bean
  @Order(1)
  public SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
      IdentityService identity, ObjectMapper json) throws Exception {
    http.securityMatcher(under("/api", "/engine-rest"))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(under("/api/audit")).hasAnyAuthority(
                LeptonGroups.AUDIT_READERS.stream().map(g -> "GROUP_" + g).toArray(String[]::new))
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("Lepton").authenticationEntryPoint((request, response, e) ->
            write(response, json, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                e instanceof InsufficientAuthenticationException
                    ? "Log in with HTTP Basic authentication (user and password of a Lepton user)"
                    : e.getMessage())))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            write(response, json, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Only auditors, model risk officers and administrators may read the audit trail")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // no cookies on these paths: every call carries its credentials
        .addFilterAfter(new CamundaAuthenticationFilter(identity), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  public SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable()) // Camunda's webapps run their own CSRF filter and login
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  /**
   * Requests for a path or anything below it. Camunda's REST API is a servlet of its own, which Spring MVC's path
   * matchers do not see; this compares the path itself.
   */
  private static RequestMatcher under(String... prefixes) {
    return request -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      for (String prefix : prefixes) {
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
          return true;
        }
      }
      return false;
    };
  }

  private static void write(HttpServletResponse response, ObjectMapper json, int status, String error,
      String detail) throws IOException {
    response.setStatus(status);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Lepton\", charset=\"UTF-8\"");
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(error, detail));
  }
}
