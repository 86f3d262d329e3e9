package ai.lepton.worker;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How a standalone worker reaches Lepton and works: the node's base URL ({@code LEPTON_URL}, its
 * REST API under {@code /engine-rest} and Lepton's under {@code /api}), the service account ({@code
 * LEPTON_WORKER_USER} / {@code LEPTON_WORKER_PASSWORD}, a user of the {@code lepton-workers}
 * group), the worker id named in every lock ({@code LEPTON_WORKER_ID}, default host name and
 * process id), the lock ({@code LEPTON_WORKER_LOCK}, ISO-8601 or seconds, default 30 s, extended
 * every third of it while training) and the wait before a failed training's retry ({@code
 * LEPTON_WORKER_RETRY_TIMEOUT}, default 1 min).
 */
public record WorkerSettings(
    URI url, String user, String password, String workerId, Duration lock, Duration retryTimeout) {

  public static WorkerSettings from(Map<String, String> env) {
    String url = required(env, "LEPTON_URL");
    return new WorkerSettings(
        URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
        required(env, "LEPTON_WORKER_USER"),
        required(env, "LEPTON_WORKER_PASSWORD"),
        env.getOrDefault("LEPTON_WORKER_ID", defaultWorkerId()),
        duration(env.get("LEPTON_WORKER_LOCK"), Duration.ofSeconds(30)),
        duration(env.get("LEPTON_WORKER_RETRY_TIMEOUT"), Duration.ofMinutes(1)));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name
              + " is not set: a worker needs LEPTON_URL (e.g. http://node1:8080),"
              + " LEPTON_WORKER_USER and LEPTON_WORKER_PASSWORD (a user of the lepton-workers group)");
    }
    return value.strip();
  }

  private static Duration duration(String text, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    return text.strip().matches("\\d+")
        ? Duration.ofSeconds(Long.parseLong(text.strip()))
        : Duration.parse(text.strip());
  }

  private static String defaultWorkerId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "worker";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
