package ai.lepton.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** What the demo seeders share: acting as a demo user, and reading the data they feed in. */
@Component
public class DemoActors {

  private final IdentityService identity;

  public DemoActors(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * Runs {@code work} as {@code user} of {@code group}, so the engine records them (initiator,
   * approver...).
   */
  public <T> T as(String user, String group, Supplier<T> work) {
    identity.setAuthentication(user, List.of(group));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public static byte[] resource(String path) {
    try (InputStream in = DemoActors.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the application");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
