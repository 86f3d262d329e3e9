package ai.lepton.ml.work;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.training.TrainingOrder;
import ai.lepton.ml.training.TrainingResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The worker that runs inside the application, so that Lepton trains and checks its models by
 * itself: it fetches and locks <em>Train candidate</em> tasks and the other long steps ({@link
 * ExternalStep}s: <em>Check drift and accuracy</em>) one at a time per thread with a short lock,
 * extends the lock while it works (heartbeat), and hands a candidate to {@link
 * TrainingTasks#complete}, a step's variables to the engine. For training it speaks the same
 * fetch-and-lock protocol as the standalone {@code lepton-worker} (same topic, lock, heartbeat and
 * completion), through the engine's Java API instead of the REST API, which a host application may
 * not serve; the other steps read Lepton's tables and are done by the nodes' embedded workers only.
 * What a step writes (a profile, a monitoring check) commits in one database transaction with the
 * step's completion: a node killed mid-step, or one whose lock ran out and was taken over, leaves
 * nothing behind, so the step is recorded once, by the worker that ended it. Work that fails is
 * handed back with one retry fewer; after the last, Cockpit shows an incident on the step with the
 * reason.
 */
public class EmbeddedWorker {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedWorker.class);

  /** Attempts in all, as the job executor's R3 retry cycle gave before. */
  static final int ATTEMPTS = 3;

  private final ExternalTaskService externalTasks;
  private final IdentityService identity;
  private final TrainingTasks tasks;
  private final DatasetStore datasets;
  private final WorkerSettings settings;
  private final List<ExternalStep> steps;
  private final TransactionOperations transactions;
  private final String workerId;
  private final ScheduledExecutorService heartbeats;
  private ExecutorService threads;
  private volatile boolean running;
  private volatile boolean trainingPaused;

  public EmbeddedWorker(
      ExternalTaskService externalTasks,
      IdentityService identity,
      TrainingTasks tasks,
      DatasetStore datasets,
      WorkerSettings settings,
      List<ExternalStep> steps,
      TransactionOperations transactions) {
    this.externalTasks = externalTasks;
    this.identity = identity;
    this.tasks = tasks;
    this.datasets = datasets;
    this.settings = settings;
    this.steps = List.copyOf(steps);
    this.transactions = transactions;
    // the process id names the node that holds a lock (an operator reads it in Cockpit's external
    // tasks)
    this.workerId =
        "embedded-"
            + ProcessHandle.current().pid()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lepton-worker-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
  }

  public String workerId() {
    return workerId;
  }

  /** Starts the worker threads: each fetches one task at a time, polling while there is none. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    threads =
        Executors.newFixedThreadPool(
            settings.threads(),
            runnable -> {
              Thread thread = new Thread(runnable, "lepton-worker");
              thread.setDaemon(true);
              return thread;
            });
    for (int i = 1; i <= settings.threads(); i++) {
      String threadWorkerId =
          workerId + "-" + i; // each thread is a worker of its own: one lock at a time each
      threads.submit(() -> poll(threadWorkerId));
    }
    LOG.info(
        "Worker {} started: {} thread(s), lock {}, topics {}",
        workerId,
        settings.threads(),
        settings.lock(),
        topics());
  }

  public synchronized void stop() {
    running = false;
    if (threads != null) {
      threads.shutdownNow();
    }
    heartbeats.shutdownNow();
  }

  /**
   * Takes no new training task until {@link #resumeTraining()}: standalone workers train (or the
   * node is drained); a training under way finishes, and the other steps go on.
   */
  public void pauseTraining() {
    trainingPaused = true;
  }

  public void resumeTraining() {
    trainingPaused = false;
  }

  private void poll(String id) {
    while (running && !Thread.currentThread().isInterrupted()) {
      try {
        if (workOnOne(null, id) == 0) {
          Thread.sleep(settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.warn("Worker {} could not fetch work: {}", workerId, e.getMessage());
        sleepQuietly(settings.pollInterval());
      }
    }
  }

  /**
   * Fetches, locks and works on at most one open task, as one thread of the running worker does; 0
   * when none.
   */
  public int workOnOneTask() {
    return workOnOne(null, workerId);
  }

  private int workOnOne(String businessKey, String id) {
    for (int attempt = 0; ; attempt++) {
      if (topics().isEmpty()) {
        return 0;
      }
      ExternalTaskQueryBuilder query = externalTasks.fetchAndLock(1, id);
      if (!trainingPaused) {
        query = subscribe(query, TrainingTasks.TOPIC, null, businessKey);
      }
      for (ExternalStep step : steps) {
        query = subscribe(query, step.topic().topic(), step.variables(), businessKey);
      }
      List<LockedExternalTask> locked = query.execute();
      if (!locked.isEmpty() || attempt == 3 || !lockableTaskOpen(businessKey)) {
        locked.forEach(task -> workOn(task, id));
        return locked.size();
      }
      // another worker locked the same task at the same moment (the engine drops the loser's lock
      // silently):
      // try again at once, a little apart, instead of waiting a whole poll interval with work open
      sleepQuietly(Duration.ofMillis(5 + ThreadLocalRandom.current().nextInt(45)));
    }
  }

  /**
   * The query subscribed to one more topic (all its variables when none are named), of one
   * engagement or all.
   */
  private ExternalTaskQueryBuilder subscribe(
      ExternalTaskQueryBuilder query, String topic, List<String> variables, String businessKey) {
    ExternalTaskQueryTopicBuilder subscribed = query.topic(topic, settings.lock().toMillis());
    if (variables != null) {
      subscribed = subscribed.variables(variables);
    }
    return businessKey == null ? subscribed : subscribed.businessKey(businessKey);
  }

  private List<String> topics() {
    List<String> topics =
        new ArrayList<>(trainingPaused ? List.of() : List.of(TrainingTasks.TOPIC));
    steps.forEach(step -> topics.add(step.topic().topic()));
    return topics;
  }

  /**
   * Whether any task could be locked now (asked only for the running worker: one engagement's are
   * not raced).
   */
  private boolean lockableTaskOpen(String businessKey) {
    return businessKey == null
        && topics().stream()
            .anyMatch(
                topic ->
                    externalTasks
                            .createExternalTaskQuery()
                            .topicName(topic)
                            .notLocked()
                            .withRetriesLeft()
                            .active()
                            .count()
                        > 0);
  }

  /**
   * Works on the open tasks of the engagement with this id (business key) until none is left that
   * can be fetched now, as the running worker would (tests run background steps this way).
   */
  public int workOnAll(String businessKey) {
    int done = 0;
    for (int n = workOnOne(businessKey, workerId); n > 0; n = workOnOne(businessKey, workerId)) {
      done += n;
    }
    return done;
  }

  /**
   * One worker thread's turn on a task it locked as {@code holder}: the work, with the lock
   * extended while it lasts, then the hand-back. A holder whose lock was lost meanwhile (taken over
   * by another worker) hands back nothing and leaves nothing written.
   */
  public void workOn(LockedExternalTask task, String holder) {
    long lockMillis = settings.lock().toMillis();
    ScheduledFuture<?> heartbeat =
        heartbeats.scheduleAtFixedRate(
            () -> {
              try {
                externalTasks.extendLock(task.getId(), holder, lockMillis);
              } catch (RuntimeException lost) {
                LOG.warn(
                    "Task {} ({}): the lock could not be extended: {}",
                    task.getId(),
                    task.getTopicName(),
                    lost.getMessage());
              }
            },
            lockMillis / 3,
            lockMillis / 3,
            TimeUnit.MILLISECONDS);
    try {
      ExternalStep step =
          steps.stream()
              .filter(s -> s.topic().topic().equals(task.getTopicName()))
              .findFirst()
              .orElse(null);
      if (step == null) {
        train(task, holder, heartbeat);
      } else {
        doStep(step, task, holder, heartbeat);
      }
    } catch (TrainingTasks.TaskNotLockedException gone) {
      LOG.warn("Training task {} was given up: {}", task.getId(), gone.getMessage());
    } catch (RuntimeException e) {
      heartbeat.cancel(false);
      fail(task, holder, e);
    } finally {
      heartbeat.cancel(false);
    }
  }

  private void train(LockedExternalTask task, String holder, ScheduledFuture<?> heartbeat) {
    TrainingOrder order = tasks.order(task.getId(), holder);
    TrainingResult result = order.train(datasets.load(order.datasetId()));
    heartbeat.cancel(false);
    String id = tasks.complete(task.getId(), holder, result);
    LOG.info(
        "Training task {} ({} for {}): candidate {} in {} ms",
        task.getId(),
        order.algorithm(),
        order.engagementKey(),
        id,
        result.trainingMillis());
  }

  private void doStep(
      ExternalStep step, LockedExternalTask task, String holder, ScheduledFuture<?> heartbeat) {
    long started = System.nanoTime();
    try {
      transactions.executeWithoutResult(
          status -> {
            Map<String, Object> variables = step.work(task);
            heartbeat.cancel(false);
            asNoOne(() -> externalTasks.complete(task.getId(), holder, variables));
          });
      LOG.info(
          "Task {} ({} for {}) done in {} ms",
          task.getId(),
          task.getTopicName(),
          task.getBusinessKey(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (ExternalStep.ProcessError error) {
      heartbeat.cancel(false);
      asNoOne(
          () ->
              externalTasks.handleBpmnError(
                  task.getId(), holder, error.code(), error.getMessage(), error.variables()));
      LOG.info(
          "Task {} ({} for {}) ended with {}: {}",
          task.getId(),
          task.getTopicName(),
          task.getBusinessKey(),
          error.code(),
          error.getMessage());
    }
  }

  /**
   * Hands a step back as no one ({@link StepCompletions}: a step ended by a logged-in caller is
   * refused), also when a test runs the worker on a thread that has a user logged in.
   */
  private void asNoOne(Runnable handBack) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      handBack.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void fail(LockedExternalTask task, String holder, RuntimeException e) {
    int retries = task.getRetries() == null ? ATTEMPTS - 1 : task.getRetries() - 1;
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    StringWriter details = new StringWriter();
    e.printStackTrace(new PrintWriter(details));
    LOG.warn(
        "Task {} ({}) failed ({} retries left): {}",
        task.getId(),
        task.getTopicName(),
        Math.max(retries, 0),
        message);
    try {
      externalTasks.handleFailure(
          task.getId(),
          holder,
          message.length() > 600 ? message.substring(0, 600) : message,
          details.toString(),
          Math.max(retries, 0),
          settings.retryTimeout().toMillis());
    } catch (RuntimeException lost) {
      LOG.warn("Task {}: the failure could not be reported: {}", task.getId(), lost.getMessage());
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code lepton.worker.*}: the embedded worker's threads, its lock (extended every third of it
   * while it trains), how often it looks for work, and how long a failed training waits before its
   * retry.
   */
  public record WorkerSettings(
      int threads, Duration lock, Duration pollInterval, Duration retryTimeout) {
    public WorkerSettings {
      threads = threads <= 0 ? 2 : threads;
      lock = lock == null ? Duration.ofSeconds(30) : lock;
      pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
      retryTimeout = retryTimeout == null ? Duration.ofMinutes(1) : retryTimeout;
    }
  }
}
