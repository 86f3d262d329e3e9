package ai.lepton.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Lepton driven over HTTP as its users drive it: Basic logins (a demo user's password is its name
 * unless given as {@code user:password}), JSON and file bodies, Camunda REST helpers. Subclasses
 * say where Lepton runs.
 */
abstract class HttpCalls {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** The port Lepton answers on. */
  abstract int port();

  record Reply(int status, byte[] bytes, HttpResponse<byte[]> raw) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + text(), e);
      }
    }
  }

  Reply get(String user, String path) {
    return send(request(user, path).GET());
  }

  Reply post(String user, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        request(user, path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  Reply putJson(String user, String path, Object body) {
    try {
      return send(
          request(user, path)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply delete(String user, String path) {
    return send(request(user, path).DELETE());
  }

  Reply postJson(String user, String path, Object body) {
    try {
      return post(user, path, "application/json", JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply postFile(String user, String path, String fileName, byte[] content) {
    String boundary = "lepton-" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return post(user, path, "multipart/form-data; boundary=" + boundary, body);
  }

  /** The whole audit trail, oldest first, read page by page as an auditor. */
  java.util.List<JsonNode> auditEntries() {
    java.util.List<JsonNode> entries = new java.util.ArrayList<>();
    long after = 0;
    while (true) {
      JsonNode page = get("auditor", "/api/audit?limit=1000&after=" + after).json();
      page.forEach(entries::add);
      if (page.size() < 1000) {
        return entries;
      }
      after = page.get(page.size() - 1).path("seq").asLong();
    }
  }

  /** Camunda REST variables: {"name": {"value": v}}. */
  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  String startEngagement(String user, String key) {
    Reply started =
        postJson(
            user,
            "/engine-rest/process-definition/key/ai-engagement/start",
            Map.of(
                "businessKey",
                key,
                "variables",
                variables(Map.of("client", "Test Telco", "engagementName", "Churn " + key))));
    if (started.status() != 200) {
      throw new AssertionError("start failed: " + started.status() + " " + started.text());
    }
    return started.json().path("id").asText();
  }

  String taskId(String user, String key, String taskDefinitionKey) {
    JsonNode tasks =
        get(
                user,
                "/engine-rest/task?processInstanceBusinessKey="
                    + key
                    + "&taskDefinitionKey="
                    + taskDefinitionKey)
            .json();
    return tasks.size() == 0 ? null : tasks.get(0).path("id").asText();
  }

  Reply completeTask(String user, String taskId, Map<String, Object> values) {
    return postJson(
        user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables(values)));
  }

  static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
            .timeout(Duration.ofSeconds(120));
    if (user != null) {
      String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : user;
      String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      builder.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static byte[] resource(String path) {
    try (InputStream in = HttpTestSupport.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("Missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] waChurn() {
    return resource("data/wa_churn.csv");
  }

  static byte[] creditG() {
    return resource("weka/gui/knowledgeflow/templates/credit-g.arff");
  }

  /**
   * One row of a dataset as a decision request: attribute → value, the class and missing values
   * left out.
   */
  static Map<String, Object> record(byte[] arffOrCsv, boolean arff, String target, int row) {
    try {
      Map<String, Object> features = new java.util.LinkedHashMap<>();
      if (!arff) { // read as Lepton reads CSV (RFC 4180: only " quotes)
        try (org.apache.commons.csv.CSVParser csv =
            org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(
                    new java.io.InputStreamReader(
                        new java.io.ByteArrayInputStream(arffOrCsv), StandardCharsets.UTF_8))) {
          org.apache.commons.csv.CSVRecord record =
              csv.stream().skip(row).findFirst().orElseThrow();
          record
              .toMap()
              .forEach(
                  (name, value) -> {
                    if (!name.equals(target) && !value.isBlank() && !value.equals("?")) {
                      features.put(name, number(value) != null ? number(value) : value);
                    }
                  });
        }
        return features;
      }
      weka.core.Instances data =
          new weka.core.Instances(
              new java.io.InputStreamReader(
                  new java.io.ByteArrayInputStream(arffOrCsv), StandardCharsets.UTF_8));
      weka.core.Instance instance = data.instance(row);
      for (int a = 0; a < data.numAttributes(); a++) {
        if (!data.attribute(a).name().equals(target) && !instance.isMissing(a)) {
          features.put(
              data.attribute(a).name(),
              data.attribute(a).isNumeric() ? instance.value(a) : instance.stringValue(a));
        }
      }
      return features;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Double number(String value) {
    try {
      return Double.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Map<String, Object> creditApplicant(int row) {
    return record(creditG(), true, "class", row);
  }

  static Map<String, Object> churnCustomer(int row) {
    return record(waChurn(), false, "churn", row);
  }
}
