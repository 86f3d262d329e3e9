package ai.lepton.app.demo;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lepton.demo.*}: whether to seed demo users and the demo engagement, and the demo users'
 * passwords.
 */
@ConfigurationProperties(prefix = "lepton.demo")
public record DemoProperties(boolean enabled, Map<String, String> passwords) {}
