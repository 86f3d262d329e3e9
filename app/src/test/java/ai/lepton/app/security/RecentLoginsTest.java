package ai.lepton.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.access.EngineIdentity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentLoginsTest {

  private static final EngineIdentity PM =
      new EngineIdentity("pm", List.of("project-managers"), List.of());

  @Test
  void aLoginIsTheSameLoginOnlyWithTheSamePassword() {
    RecentLogins recent = new RecentLogins(Duration.ofMinutes(1));
    recent.remember("pm", "pm-secret", PM);

    assertThat(recent.find("pm", "pm-secret")).isEqualTo(PM);
    assertThat(recent.find("pm", "pm-secreT")).isNull();
    assertThat(recent.find("pm", "")).isNull();
    assertThat(recent.find("ds", "pm-secret")).isNull();
  }

  @Test
  void aLoginIsCheckedAgainAfterTheRecheckTime() throws InterruptedException {
    RecentLogins recent = new RecentLogins(Duration.ofMillis(50));
    recent.remember("pm", "pm-secret", PM);
    assertThat(recent.find("pm", "pm-secret")).isEqualTo(PM);

    Thread.sleep(80);

    assertThat(recent.find("pm", "pm-secret")).isNull();
  }

  @Test
  void aWrongPasswordForgetsTheUserAndZeroRemembersNothing() {
    RecentLogins recent = new RecentLogins(Duration.ofMinutes(1));
    recent.remember("pm", "pm-secret", PM);
    recent.forget("pm");
    assertThat(recent.find("pm", "pm-secret")).isNull();

    RecentLogins never = new RecentLogins(Duration.ZERO);
    never.remember("pm", "pm-secret", PM);
    assertThat(never.find("pm", "pm-secret")).isNull();
  }
}
