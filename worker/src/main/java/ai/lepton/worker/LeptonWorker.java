package ai.lepton.worker;

import ai.lepton.process.ExternalTopic;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone training worker: Camunda's external task client against one Lepton node's REST API,
 * fetching one <em>Train candidate</em> task at a time (so several workers share the work fairly),
 * with long polling. Run it with {@code LEPTON_URL}, {@code LEPTON_WORKER_USER} and {@code
 * LEPTON_WORKER_PASSWORD} set ({@link WorkerSettings}); start as many as the work needs, on any
 * machines that reach a node.
 */
public final class LeptonWorker {

  private static final Logger LOG = LoggerFactory.getLogger(LeptonWorker.class);

  private LeptonWorker() {}

  public static void main(String[] args) {
    WorkerSettings settings = WorkerSettings.from(System.getenv());
    ExternalTaskClient client = start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(client::stop, "lepton-worker-stop"));
  }

  /** Opens the subscription; the client's own thread fetches and works until {@code stop()}. */
  public static ExternalTaskClient start(WorkerSettings settings) {
    ExternalTaskClient client =
        ExternalTaskClient.create()
            .baseUrl(settings.url() + "/engine-rest")
            .workerId(settings.workerId())
            .maxTasks(1)
            .asyncResponseTimeout(20_000)
            .lockDuration(settings.lock().toMillis())
            .addInterceptor(new BasicAuthProvider(settings.user(), settings.password()))
            .build();
    client
        .subscribe(ExternalTopic.TRAIN_CANDIDATE.topic())
        .lockDuration(settings.lock().toMillis())
        .handler(new TrainCandidateHandler(new LeptonTrainingApi(settings), settings))
        .open();
    LOG.info(
        "Lepton training worker {} works for {} (topic {}, lock {})",
        settings.workerId(),
        settings.url(),
        ExternalTopic.TRAIN_CANDIDATE.topic(),
        settings.lock());
    return client;
  }
}
