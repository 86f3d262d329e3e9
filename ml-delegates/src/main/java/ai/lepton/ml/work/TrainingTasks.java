package ai.lepton.ml.work;

import ai.lepton.ml.Sha256;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.engine.AsLepton;
import ai.lepton.ml.registry.ModelFileReader;
import ai.lepton.ml.registry.ModelIntegrityException;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.registry.NewModelVersion;
import ai.lepton.ml.training.AlgorithmSpec;
import ai.lepton.ml.training.CandidateMetrics;
import ai.lepton.ml.training.TrainingOrder;
import ai.lepton.ml.training.TrainingResult;
import ai.lepton.process.ExternalTopic;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's side of training on workers. <em>Train candidate</em> is an external task on {@link
 * #TOPIC}; a worker fetches and locks it (Camunda's fetch-and-lock), asks here what to train
 * ({@link #order}), trains, and hands the result back ({@link #complete}): the candidate is
 * registered and the task completed in one database transaction, and only while the task is still
 * locked by that worker. A worker that dies at any instant therefore leaves nothing half-written,
 * and a task taken over after its lock expired is never completed twice.
 */
@Component(ProcessBeans.TRAINING_TASKS)
public class TrainingTasks {

  /** The topic of <em>Train candidate</em>. */
  public static final String TOPIC = ExternalTopic.TRAIN_CANDIDATE.topic();

  private final ExternalTaskService externalTasks;
  private final RuntimeService runtime;
  private final RequirementsRecord requirements;
  private final DatasetStore datasets;
  private final ModelRegistry registry;
  private final AsLepton asLepton;
  private final AuditTrail audit;
  private final java.security.SecureRandom foldChooser = new java.security.SecureRandom();

  public TrainingTasks(
      ExternalTaskService externalTasks,
      RuntimeService runtime,
      RequirementsRecord requirements,
      DatasetStore datasets,
      ModelRegistry registry,
      AsLepton asLepton,
      AuditTrail audit) {
    this.externalTasks = externalTasks;
    this.runtime = runtime;
    this.requirements = requirements;
    this.datasets = datasets;
    this.registry = registry;
    this.asLepton = asLepton;
    this.audit = audit;
  }

  /**
   * What the task asks to train, from the engagement's record: its requirements (target, folds,
   * seed, problem type, model name; the algorithm must be one of them) and its prepared dataset
   * (which must be the engagement's own).
   *
   * @throws TaskNotLockedException when the task is gone, on another topic, or not (or no longer)
   *     locked by the worker
   */
  public TrainingOrder order(String externalTaskId, String workerId) {
    return asLepton.run(
        () -> {
          ExternalTask task = lockedBy(externalTaskId, workerId);
          String engagementKey = task.getBusinessKey();
          Requirements recorded =
              requirements
                  .latest(engagementKey)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "Engagement " + engagementKey + " has no recorded requirements"));
          AlgorithmSpec algorithm =
              AlgorithmSpec.parse(
                  String.valueOf(
                      runtime.getVariable(task.getExecutionId(), ProcessVariables.ALGORITHM)));
          if (!recorded.algorithmSpecs().contains(algorithm)) {
            throw new IllegalStateException(
                "Algorithm '"
                    + algorithm
                    + "' is not among engagement "
                    + engagementKey
                    + "'s recorded requirements (revision "
                    + recorded.revision()
                    + "): "
                    + recorded.algorithms().replace('\n', ';'));
          }
          StoredDataset dataset =
              datasets.get(
                  String.valueOf(
                      runtime.getVariable(
                          task.getExecutionId(), ProcessVariables.PREPARED_DATASET_ID)));
          if (!engagementKey.equals(dataset.engagementKey())) {
            throw new IllegalStateException(
                "Dataset "
                    + dataset.id()
                    + " belongs to engagement "
                    + dataset.engagementKey()
                    + ", not to "
                    + engagementKey);
          }
          Object round =
              runtime.getVariable(task.getExecutionId(), ProcessVariables.TRAINING_ROUND);
          return new TrainingOrder(
              task.getId(),
              engagementKey,
              task.getProcessInstanceId(),
              round instanceof Number n ? n.intValue() : 1,
              recorded.modelName(),
              recorded.problemType(),
              recorded.targetAttribute(),
              algorithm.toString(),
              recorded.forecasting() ? 0 : recorded.folds(),
              recorded.seed(),
              dataset.id(),
              dataset.sha256(),
              dataset.format().wireName(),
              recorded.forecasting() ? TrainingOrder.Forecast.of(recorded.forecast()) : null,
              TrainingOrder.Fairness.of(recorded.fairness()),
              recorded.forecasting() ? null : recorded.successMetric(),
              recorded.textSettings().options());
        });
  }

  /**
   * Registers the candidate the worker trained and completes its task, in one transaction, while
   * the task is locked by this worker; the model version's id is the task's local {@code
   * candidateModelVersionId}.
   *
   * @return the candidate's model version id
   */
  @Transactional
  public String complete(String externalTaskId, String workerId, TrainingResult result) {
    return register(order(externalTaskId, workerId), workerId, result);
  }

  private String register(TrainingOrder order, String workerId, TrainingResult result) {
    String externalTaskId = order.externalTaskId();
    String id =
        registry.register(
            new NewModelVersion(
                order.modelName(),
                order.engagementKey(),
                order.processInstanceId(),
                order.trainingRound(),
                order.problemType(),
                order.targetAttribute(),
                AlgorithmSpec.parse(order.algorithm()),
                order.seed(),
                order.folds(),
                order.datasetId(),
                order.datasetSha256(),
                result),
            workerId);
    // Camunda checks the lock again here: a task taken over meanwhile is refused, and the
    // registration rolls back
    asLepton.run(
        () -> {
          externalTasks.complete(
              externalTaskId, workerId, Map.of(), Map.of("candidateModelVersionId", id));
          return null;
        });
    return id;
  }

  /**
   * As {@link #complete}, for a result that came over the network from a standalone worker logged
   * in as {@code account}: its model file is read first as every model file is read, and refused
   * unless it is a model of the kind the task trains; its figures are checked on one part of its
   * evaluation the node rebuilds.
   */
  @Transactional
  public String completeHandedBack(
      String externalTaskId, String workerId, String account, TrainingResult result) {
    TrainingOrder order = order(externalTaskId, workerId);
    requireModelOfItsKind(order, result.modelBytes());
    return register(order, workerId, checkedOnNode(order, workerId, account, result));
  }

  /**
   * The figures a standalone worker handed back, checked on one part of the evaluation the node
   * draws now and rebuilds (a fold, {@link ai.lepton.ml.training.FoldSpotCheck}; for a series the
   * held-out evaluation and a rolling origin, {@link ai.lepton.ml.forecasting.ForecastSpotCheck}),
   * and kept with the part checked ({@code checkedOnNode}); figures that are not this candidate's
   * evaluation are refused (CANDIDATE_REFUSED in the audit trail) and nothing is registered.
   */
  private TrainingResult checkedOnNode(
      TrainingOrder order, String workerId, String account, TrainingResult result) {
    CandidateMetrics figures;
    try {
      figures = CandidateMetrics.of(result.metrics()); // lenient: a field the node lacks is skipped
    } catch (IllegalArgumentException e) {
      throw refused(
          order,
          workerId,
          account,
          "the figures cannot be read as a candidate's metrics: " + unreadable(e));
    }
    int part = foldChooser.nextInt(Math.max(1, order.checkableParts(figures)));
    java.util.Optional<String> why;
    try {
      why = order.disagreement(datasets.load(order.datasetId()), figures, part);
    } catch (Exception e) {
      why =
          java.util.Optional.of(
              "part "
                  + (part + 1)
                  + " of the evaluation could not be rebuilt on the node: "
                  + e.getMessage());
    }
    if (why.isPresent()) {
      throw refused(order, workerId, account, why.get());
    }
    Map<String, Object> metrics = new java.util.LinkedHashMap<>(result.metrics());
    metrics.put("checkedOnNode", order.checkedPart(figures, part));
    return new TrainingResult(metrics, result.modelBytes(), result.trainingMillis());
  }

  /** Where the figures could not be read, and why (the path of the field first). */
  private static String unreadable(IllegalArgumentException e) {
    if (!(e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping)) {
      return e.getMessage();
    }
    StringBuilder where = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference step : mapping.getPath()) {
      if (step.getIndex() >= 0) {
        where.append('[').append(step.getIndex()).append(']');
      } else {
        where.append(where.isEmpty() ? "" : ".").append(step.getFieldName());
      }
    }
    return (where.isEmpty() ? "" : where + ": ") + mapping.getOriginalMessage();
  }

  /**
   * Figures a worker handed back that are not this candidate's evaluation: written to the audit
   * trail (CANDIDATE_REFUSED) and refused.
   */
  private UnusableResultException refused(
      TrainingOrder order, String workerId, String account, String why) {
    // the account that logged in is the actor; the worker id is only what it called itself
    audit.appendRegardless(
        account,
        "CANDIDATE_REFUSED",
        "engagement",
        order.engagementKey(),
        Map.of(
            "externalTaskId",
            order.externalTaskId(),
            "workerId",
            workerId,
            "algorithm",
            order.algorithm(),
            "reason",
            why));
    return new UnusableResultException(
        "The figures handed back for task "
            + order.externalTaskId()
            + " are not"
            + " this candidate's "
            + (order.forecast() != null ? "time-ordered evaluation" : "cross-validation")
            + ": "
            + why);
  }

  /**
   * A worker's model file is read as every model file is read (SHA-256, the class allow-list)
   * before it is registered: a Weka model with its header, a forecaster for a forecasting
   * engagement and a classifier otherwise.
   */
  private static void requireModelOfItsKind(TrainingOrder order, byte[] model) {
    List<Object> objects;
    try {
      objects =
          ModelFileReader.read(
              "candidate of task " + order.externalTaskId(), model, Sha256.hex(model));
    } catch (ModelIntegrityException e) {
      throw new UnusableResultException(e.getMessage());
    }
    boolean forecaster =
        !objects.isEmpty() && objects.get(0) instanceof weka.classifiers.timeseries.WekaForecaster;
    boolean classifier =
        !objects.isEmpty() && objects.get(0) instanceof weka.classifiers.Classifier;
    if (objects.size() < 2
        || !(objects.get(1) instanceof weka.core.Instances)
        || (order.forecast() != null ? !forecaster : !classifier)) {
      throw new UnusableResultException(
          "The model handed back for task "
              + order.externalTaskId()
              + " is not a"
              + " Weka "
              + (order.forecast() != null ? "forecaster" : "classifier")
              + " with its header");
    }
  }

  /** A worker handed back something that is not a model of the kind the task trains. */
  public static class UnusableResultException extends RuntimeException {
    public UnusableResultException(String message) {
      super(message);
    }
  }

  /**
   * End listener of <em>Train candidate</em>: a task ends only with the candidate Lepton registered
   * for it (this instance, this training round, this task's algorithm). A worker account may fetch,
   * lock and fail training tasks over Camunda's REST API, which would also let it complete one
   * directly, with no candidate or another's: that is refused (403, audited), and the task stays
   * open.
   */
  public void requireCandidate(DelegateExecution execution) {
    Object id = execution.getVariableLocal(ProcessVariables.CANDIDATE_MODEL_VERSION_ID);
    ModelVersion candidate = id == null ? null : registry.find(id.toString()).orElse(null);
    Object round = execution.getVariable(ProcessVariables.TRAINING_ROUND);
    Object algorithm =
        execution.getVariable(
            ProcessVariables.ALGORITHM); // the multi-instance element of this instance
    boolean own =
        candidate != null
            && candidate.processInstanceId().equals(execution.getProcessInstanceId())
            && round instanceof Number number
            && candidate.trainingRound() == number.intValue()
            && algorithm != null
            && AlgorithmSpec.parse((candidate.algorithm() + " " + candidate.options()).strip())
                .equals(AlgorithmSpec.parse(algorithm.toString()));
    if (!own) {
      throw new AuthorizationException(
          "A training task ends with the candidate Lepton registered for it: hand the"
              + " trained model back with POST /api/training-tasks/{id}/candidate, not by completing the task directly");
    }
  }

  /** The prepared dataset's stored bytes, as an order names it. */
  public byte[] datasetContent(TrainingOrder order) {
    return datasets.content(order.datasetId());
  }

  private ExternalTask lockedBy(String externalTaskId, String workerId) {
    ExternalTask task =
        externalTasks.createExternalTaskQuery().externalTaskId(externalTaskId).singleResult();
    if (task == null || !TOPIC.equals(task.getTopicName())) {
      throw new TaskNotLockedException(
          "No training task " + externalTaskId + " is open (done, or never was)");
    }
    if (workerId == null
        || !workerId.equals(task.getWorkerId())
        || task.getLockExpirationTime() == null
        || task.getLockExpirationTime().before(new Date())) {
      throw new TaskNotLockedException(
          "Training task "
              + externalTaskId
              + " is not locked by worker '"
              + workerId
              + "'"
              + (task.getWorkerId() == null
                  ? ""
                  : " (its lock is "
                      + (task.getLockExpirationTime() != null
                              && task.getLockExpirationTime().after(new Date())
                          ? "held by another worker"
                          : "expired")
                      + ")"));
    }
    return task;
  }

  /** A worker asked about, or handed back, a task it does not (or no longer) hold. */
  public static class TaskNotLockedException extends RuntimeException {
    public TaskNotLockedException(String message) {
      super(message);
    }
  }
}
