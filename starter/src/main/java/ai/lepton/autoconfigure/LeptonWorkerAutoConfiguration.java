package ai.lepton.autoconfigure;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.work.EmbeddedWorker;
import ai.lepton.ml.work.ExternalStep;
import ai.lepton.ml.work.TrainingTasks;
import java.time.Duration;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker inside the application (<em>Train candidate</em> and <em>Check drift and accuracy</em>
 * are external tasks, and so is <em>Profile dataset</em>): it runs whenever the engine's job
 * executor runs. {@code lepton.worker.embedded.enabled=false} leaves training to standalone {@code
 * lepton-worker}s; the profiles and monitoring checks stay with the nodes, which alone reach
 * Lepton's tables. Settings: {@code lepton.worker.threads} (2), {@code lepton.worker.lock} (30s,
 * extended every third of it while training), {@code lepton.worker.poll-interval} (500ms), {@code
 * lepton.worker.retry-timeout} (1m).
 */
@AutoConfiguration(after = LeptonAutoConfiguration.class)
public class LeptonWorkerAutoConfiguration {

  @Bean(destroyMethod = "stop")
  @ConditionalOnMissingBean
  public EmbeddedWorker leptonWorker(
      ExternalTaskService externalTasks,
      IdentityService identity,
      TrainingTasks tasks,
      DatasetStore datasets,
      ObjectProvider<ExternalStep> steps,
      Environment environment,
      PlatformTransactionManager transactionManager) {
    return new EmbeddedWorker(
        externalTasks,
        identity,
        tasks,
        datasets,
        new EmbeddedWorker.WorkerSettings(
            environment.getProperty("lepton.worker.threads", Integer.class, 2),
            environment.getProperty("lepton.worker.lock", Duration.class),
            environment.getProperty("lepton.worker.poll-interval", Duration.class),
            environment.getProperty("lepton.worker.retry-timeout", Duration.class)),
        steps.orderedStream().toList(),
        new TransactionTemplate(transactionManager)); // a step's writes commit with its completion
  }

  /** Started once the application is ready, when the job executor runs (or as the switch says). */
  @Bean
  public ApplicationListener<ApplicationReadyEvent> leptonWorkerStart(
      EmbeddedWorker worker, Environment environment) {
    return ready -> {
      if (environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true)) {
        if (!environment.getProperty("lepton.worker.embedded.enabled", Boolean.class, true)) {
          worker.pauseTraining();
        }
        worker.start();
      }
    };
  }
}
