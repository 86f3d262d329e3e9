package ai.lepton.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer, at the end of the start-up log, where to go. */
@Component
public class ReadyBanner {

  private static final Logger LOG = LoggerFactory.getLogger(ReadyBanner.class);

  @Value("${local.server.port:${server.port:8080}}")
  private int port;

  @Value("${lepton.demo.enabled:false}")
  private boolean demo;

  @EventListener(ApplicationReadyEvent.class)
  public void ready() {
    String base = "http://localhost:" + port;
    LOG.info(
        "Lepton is ready: {}/camunda/app/cockpit/ (Cockpit), {}/camunda/app/tasklist/ (Tasklist), "
            + "{}/engine-rest and {}/api (HTTP Basic){}",
        base,
        base,
        base,
        base,
        demo ? "; demo users demo, pm, ds, mro, auditor (passwords in README.md)" : "");
  }
}
