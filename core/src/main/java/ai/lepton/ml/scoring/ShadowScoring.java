package ai.lepton.ml.scoring;

import ai.lepton.ml.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets the challenger on trial answer live decisions in shadow without making them wait: once a
 * decision has committed, its record is queued, and one background thread scores the queued records
 * with the challenger, applies the same rule set ({@link DecisionShadow}) and writes the answers
 * beside the decisions in one transaction per batch (gathered for up to a quarter of a second: a
 * few large transactions beside the live ones rather than many small ones). A decision under a
 * model with no challenger on trial costs one cache lookup. When the queue is full ({@code
 * lepton.challenger.shadow-queue}, default 10,000) a record is not shadowed, counted and logged;
 * the trial then compares fewer decisions, never wrong ones. {@link #flush} waits until everything
 * queued is written: the trial's comparison calls it first.
 */
@Component
public class ShadowScoring implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ShadowScoring.class);
  private static final int BATCH = 500;

  /**
   * How long the first answer of a batch waits for more: fewer, larger transactions beside the live
   * ones.
   */
  private static final long GATHER_MILLIS = 250;

  /** One committed decision to answer in shadow. */
  private record Queued(String decisionId, String modelName, String ruleSet, String featuresJson) {}

  private final DecisionLog log;
  private final DecisionShadow shadow;
  private final DeployedModels models;
  private final TransactionTemplate transaction;
  private final BlockingQueue<Queued> queue;
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile Thread worker;
  private volatile boolean stopping;

  public ShadowScoring(
      DecisionLog log,
      Optional<DecisionShadow> shadow,
      DeployedModels models,
      PlatformTransactionManager transactions,
      @Value("${lepton.challenger.shadow-queue:10000}") int capacity) {
    this.log = log;
    this.shadow = shadow.orElse(DecisionShadow.NONE);
    this.models = models;
    this.transaction = new TransactionTemplate(transactions);
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Queues a decision's record for the challenger on trial under its model name, if one is, once
   * the current transaction commits (at once outside one).
   */
  public void submit(String decisionId, String modelName, String ruleSet, String featuresJson) {
    if (shadow == DecisionShadow.NONE
        || ruleSet == null
        || models.challenger(modelName).isEmpty()) {
      return;
    }
    Queued queued = new Queued(decisionId, modelName, ruleSet, featuresJson);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              enqueue(queued);
            }
          });
    } else {
      enqueue(queued);
    }
  }

  private void enqueue(Queued queued) {
    startWorker();
    submitted.incrementAndGet();
    if (!queue.offer(queued)) {
      done.incrementAndGet();
      if (dropped.incrementAndGet() % 1_000 == 1) {
        LOG.warn(
            "The shadow queue is full: {} decisions so far were not answered by the challenger on trial"
                + " (lepton.challenger.shadow-queue)",
            dropped.get());
      }
    }
  }

  private final AtomicLong flushers = new AtomicLong();

  private boolean flushing() {
    return flushers.get() > 0;
  }

  /**
   * Waits until every decision queued so far is answered and written (or the timeout passes); true
   * if so.
   */
  public boolean flush(long timeoutMillis) {
    flushers.incrementAndGet();
    try {
      return awaitWritten(submitted.get(), timeoutMillis);
    } finally {
      flushers.decrementAndGet();
    }
  }

  private boolean awaitWritten(long target, long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (done.get() < target) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Decisions not shadowed because the queue was full, since start. */
  public long dropped() {
    return dropped.get();
  }

  private synchronized void startWorker() {
    if (worker == null && !stopping) {
      worker = new Thread(this::work, "lepton-shadow-scoring");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void work() {
    List<Queued> batch = new ArrayList<>(BATCH);
    while (!stopping || !queue.isEmpty()) {
      try {
        Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long gatherUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MILLIS);
        queue.drainTo(batch, BATCH - batch.size());
        while (batch.size() < BATCH
            && !stopping
            && System.nanoTime() < gatherUntil
            && !flushing()) {
          Thread.sleep(10);
          queue.drainTo(batch, BATCH - batch.size());
        }
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("{} decisions could not be answered in shadow: {}", batch.size(), e.getMessage());
      } finally {
        done.addAndGet(batch.size());
        batch.clear();
      }
    }
  }

  private void write(List<Queued> batch) {
    List<String> ids = new ArrayList<>(batch.size());
    List<DecisionLog.ShadowAnswer> answers = new ArrayList<>(batch.size());
    for (Queued queued : batch) {
      Map<String, Object> features = Json.readMap(queued.featuresJson());
      shadow
          .answer(queued.modelName(), queued.ruleSet(), features)
          .ifPresent(
              answer -> {
                ids.add(queued.decisionId());
                answers.add(answer);
              });
    }
    if (!ids.isEmpty()) {
      transaction.executeWithoutResult(status -> log.recordShadows(ids, answers));
    }
  }

  /** On shutdown: what is queued is still written (up to 5 s), then the thread ends. */
  @Override
  public void destroy() {
    stopping = true;
    flush(5_000);
  }
}
