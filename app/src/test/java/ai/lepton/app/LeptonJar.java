package ai.lepton.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged application as a user runs it: {@code java -jar} in a process of its own, on a data
 * directory and a free port, its temporary files and log inside one working directory. Start, kill
 * -9, start again on the same data.
 */
final class LeptonJar {

  /**
   * The JVM options of the README's first command (heap, native heap trimmed): the jar is tested as
   * it is run.
   */
  static final List<String> README_JVM_OPTIONS =
      List.of("-Xmx512m", "-XX:TrimNativeHeapInterval=5000");

  private final Path jar;
  private final Path work;
  private final int port;
  private final Map<String, String> environment;
  private Process process;
  private int starts;

  LeptonJar(Path jar, Path work, Map<String, String> environment) {
    this.jar = jar;
    this.work = work;
    this.port = freePort();
    this.environment = new LinkedHashMap<>(environment);
  }

  int port() {
    return port;
  }

  Path jar() {
    return jar;
  }

  Path dataDir() {
    return work.resolve("data");
  }

  Path log() {
    return work.resolve("lepton-" + starts + ".log");
  }

  /** Starts the jar and waits until {@code /health} answers. */
  void start(Duration timeout) {
    starts++;
    try {
      Files.createDirectories(work.resolve("tmp"));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(README_JVM_OPTIONS);
      command.addAll(List.of("-Djava.io.tmpdir=" + work.resolve("tmp"), "-jar", jar.toString()));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log().toFile());
      builder.environment().put("LEPTON_DATA_DIR", dataDir().toString());
      builder.environment().put("PORT", Integer.toString(port));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "Lepton exited with " + process.exitValue() + " at start; its log:\n" + tail());
      }
      try {
        HttpResponse<String> health =
            client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(500);
    }
    throw new AssertionError(
        "Lepton did not answer /health within " + timeout + "; its log:\n" + tail());
  }

  /** SIGKILL: no shutdown hook, no flush, as when a machine loses power. */
  void kill9() {
    process.destroyForcibly();
    waitGone();
  }

  /** SIGTERM, as an operator stops the service. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitGone();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void waitGone() {
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
