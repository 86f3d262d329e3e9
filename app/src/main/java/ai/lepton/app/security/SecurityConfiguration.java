package ai.lepton.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts HTTP Basic login in front of Camunda's REST API and Lepton's own; the webapps have their own login. */
@Configuration
public class SecurityConfiguration {

  @Bean
  public FilterRegistrationBean<BasicAuthenticationFilter> basicAuthentication(IdentityService identityService,
      ObjectMapper json) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService, json));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("leptonBasicAuthentication");
    registration.setOrder(1);
    return registration;
  }
}
