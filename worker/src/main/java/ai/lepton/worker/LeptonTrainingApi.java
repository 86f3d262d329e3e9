package ai.lepton.worker;

import ai.lepton.ml.training.TrainingOrder;
import ai.lepton.ml.training.TrainingResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Lepton's side of a training task, over HTTP: what to train, the dataset, and handing the
 * candidate back.
 */
public class LeptonTrainingApi {

  /** The prepared dataset as stored: its bytes and format. */
  public record Dataset(byte[] content, String format) {}

  /**
   * Lepton answered that the task is not (or no longer) locked by this worker: someone else has it,
   * or it is done.
   */
  public static class LockLostException extends RuntimeException {
    LockLostException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WorkerSettings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String authorization;

  public LeptonTrainingApi(WorkerSettings settings) {
    this.settings = settings;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
  }

  public TrainingOrder order(String externalTaskId) throws IOException, InterruptedException {
    HttpResponse<byte[]> answer = send(request(externalTaskId, "").GET().build());
    return JSON.readValue(answer.body(), TrainingOrder.class);
  }

  public Dataset dataset(String externalTaskId) throws IOException, InterruptedException {
    HttpResponse<byte[]> answer = send(request(externalTaskId, "/dataset").GET().build());
    return new Dataset(answer.body(), answer.headers().firstValue("X-Dataset-Format").orElse(null));
  }

  /** Hands the candidate back: registered and the task completed in one transaction on the node. */
  public String handBack(String externalTaskId, TrainingResult result)
      throws IOException, InterruptedException {
    String boundary = "lepton-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "metrics", "application/json", JSON.writeValueAsBytes(result.metrics()));
    part(
        body,
        boundary,
        "trainingMillis",
        "text/plain",
        Long.toString(result.trainingMillis()).getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "model", "application/octet-stream", result.modelBytes());
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> answer =
        send(
            request(externalTaskId, "/candidate")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    return JSON.readTree(answer.body()).path("modelVersionId").asText();
  }

  private HttpRequest.Builder request(String externalTaskId, String suffix) {
    return HttpRequest.newBuilder(
            URI.create(
                settings.url()
                    + "/api/training-tasks/"
                    + URLEncoder.encode(externalTaskId, StandardCharsets.UTF_8)
                    + suffix
                    + "?workerId="
                    + URLEncoder.encode(settings.workerId(), StandardCharsets.UTF_8)))
        .header("Authorization", authorization)
        .timeout(Duration.ofMinutes(5));
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() == 409) {
      throw new LockLostException(new String(answer.body(), StandardCharsets.UTF_8));
    }
    if (answer.statusCode() / 100 != 2) {
      throw new IOException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + answer.statusCode()
              + ": "
              + new String(answer.body(), StandardCharsets.UTF_8));
    }
    return answer;
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String type, byte[] content)
      throws IOException {
    String file = type.equals("application/octet-stream") ? "; filename=\"" + name + "\"" : "";
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\""
                + file
                + "\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
