package ai.lepton.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the process tests share: one application context (the real engine on H2 in memory, real
 * delegates, the job executor off so each background step runs when the test says so), acting as a
 * user of a group, and running the background steps as the job executor would.
 */
@SpringBootTest(
    properties = {
      // Its own engine name: Camunda's REST API of the HTTP tests' context looks its engine up as
      // "default".
      "camunda.bpm.process-engine-name=processTest",
      "spring.datasource.url=jdbc:h2:mem:process-test;DB_CLOSE_DELAY=-1",
      "lepton.data-dir=target/process-test-data",
      "lepton.demo.enabled=false",
      "lepton.admin.password=test-administrator-password",
      "camunda.bpm.job-execution.enabled=false",
      "lepton.worker.retry-timeout=0s",
      "lepton.history.decision-process-days=400",
      "lepton.monitoring.cycle=R/PT5S",
      "lepton.scoring.recheck-live-version=PT1S",
      "lepton.challenger.min-decisions=40",
      "lepton.news.feeds=file:" + ProcessTestSupport.NEWS_FEED,
      "lepton.news.poll-every=PT1S",
      "lepton.news.model=grain-news-test",
      "lepton.news.watch-list=USSR,China,Egypt"
    })
abstract class ProcessTestSupport {

  /**
   * The local RSS feed the news route of the process tests reads every second (empty until a test
   * fills it).
   */
  static final String NEWS_FEED = "target/process-test-data/news-feed.xml";

  static {
    try {
      Files.createDirectories(Path.of(NEWS_FEED).getParent());
      Files.writeString(
          Path.of(NEWS_FEED),
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>test news"
              + "</title><link>https://lepton.ai/test</link><description>none yet</description></channel></rss>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected IdentityService identity;
  @Autowired protected ai.lepton.ml.work.EmbeddedWorker worker;

  /** Opens, sets up and approves engagements as their people would. */
  protected EngagementDriver engagements;

  @BeforeEach
  void bindEngine() {
    engagements = new EngagementDriver(runtime, tasks, identity);
    AbstractAssertions.init(engine);
  }

  /**
   * Runs the instance's background steps (not its timers) as the job executor and the training
   * worker would, a failing one again until its retries are spent, without waiting for the retry
   * interval.
   */
  protected void runJobs(ProcessInstance pi) {
    for (int guard = 0; guard < 50; guard++) {
      List<Job> due =
          management
              .createJobQuery()
              .processInstanceId(pi.getId())
              .messages()
              .withRetriesLeft()
              .list();
      if (due.isEmpty()) {
        if (pi.getBusinessKey() == null || worker.workOnAll(pi.getBusinessKey()) == 0) {
          return;
        }
        continue;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failedJobKeepsItsRetries) {
          // The engine has decremented the retries; the next pass runs it again, as the job
          // executor would.
        }
      }
    }
  }

  /**
   * The notifications of one type sent about one instance (JSON files in the test's outbox),
   * waiting up to 10 s for them: they are sent on a thread of their own once the step has
   * committed.
   */
  protected List<JsonNode> notified(ProcessInstance pi, String type, int atLeast) {
    Path outbox = Path.of("target/process-test-data/outbox/notifications");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<JsonNode> found = List.of();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(outbox)) {
        try (Stream<Path> files = Files.list(outbox)) {
          found =
              files
                  .filter(f -> f.getFileName().toString().contains("-" + type + "-"))
                  .map(
                      f -> {
                        try {
                          return new ObjectMapper().readTree(f.toFile());
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      })
                  .filter(n -> n.path("processInstanceId").asText().equals(pi.getId()))
                  .toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (found.size() >= atLeast) {
        return found;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return found;
  }

  /** Does the work as a logged-in user of a group, as Tasklist or the REST API would. */
  protected <T> T as(String user, String group, Supplier<T> work) {
    identity.setAuthentication(user, List.of(group));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  protected void ensureUser(String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      identity.saveUser(identity.newUser(id));
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
  }
}
