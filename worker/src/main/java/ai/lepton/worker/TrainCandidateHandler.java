package ai.lepton.worker;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.ReadLimits;
import ai.lepton.ml.training.TrainingOrder;
import ai.lepton.ml.training.TrainingResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one locked <em>Train candidate</em> task: extends the lock every third of it while it
 * works (heartbeat), asks Lepton what to train, reads the prepared dataset as the engine reads it,
 * trains with the same Weka code, and hands the candidate back (registered and completed in one
 * transaction on the node). A failure is reported with one retry fewer (an incident in Cockpit
 * after the last); a task whose lock was lost is left to whoever holds it now.
 */
public class TrainCandidateHandler implements ExternalTaskHandler {

  private static final Logger LOG = LoggerFactory.getLogger(TrainCandidateHandler.class);
  private static final int ATTEMPTS = 3;

  private final LeptonTrainingApi lepton;
  private final WorkerSettings settings;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "lepton-worker-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  public TrainCandidateHandler(LeptonTrainingApi lepton, WorkerSettings settings) {
    this.lepton = lepton;
    this.settings = settings;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    long lock = settings.lock().toMillis();
    ScheduledFuture<?> heartbeat =
        heartbeats.scheduleAtFixedRate(
            () -> {
              try {
                service.extendLock(task, lock);
              } catch (RuntimeException lost) {
                LOG.warn(
                    "Task {}: the lock could not be extended: {}", task.getId(), lost.getMessage());
              }
            },
            lock / 3,
            lock / 3,
            TimeUnit.MILLISECONDS);
    try {
      TrainingOrder order = lepton.order(task.getId());
      LeptonTrainingApi.Dataset dataset = lepton.dataset(task.getId());
      DatasetFormat format =
          dataset.format() == null
              ? null
              : DatasetFormat.valueOf(dataset.format().toUpperCase(Locale.ROOT));
      TrainingResult result =
          order.train(
              DatasetReader.read(dataset.content(), format, order.datasetId(), ReadLimits.ACCEPTED)
                  .instances());
      heartbeat.cancel(false);
      String id = lepton.handBack(task.getId(), result);
      LOG.info(
          "Task {} ({} for {}): candidate {} in {} ms",
          task.getId(),
          order.algorithm(),
          order.engagementKey(),
          id,
          result.trainingMillis());
    } catch (LeptonTrainingApi.LockLostException lost) {
      LOG.warn("Task {} was given up: {}", task.getId(), lost.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      heartbeat.cancel(false);
      int retries = task.getRetries() == null ? ATTEMPTS - 1 : Math.max(0, task.getRetries() - 1);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      StringWriter details = new StringWriter();
      e.printStackTrace(new PrintWriter(details));
      LOG.warn("Task {} failed ({} retries left): {}", task.getId(), retries, message);
      service.handleFailure(
          task,
          message.length() > 600 ? message.substring(0, 600) : message,
          details.toString(),
          retries,
          settings.retryTimeout().toMillis());
    } finally {
      heartbeat.cancel(false);
    }
  }
}
