package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input over HTTP against the running application: records that are not records, and bodies
 * over their limit, declared or chunked. Each is a 4xx a person can act on, and nothing of it is
 * kept.
 */
class SafeInputsOverHttpTest extends HttpTestSupport {

  private static final String CREDIT = "/api/decisions/credit-risk?ruleSet=credit-decision";

  @BeforeEach
  void demoCreditModelLive() {
    waitFor(
        "demo credit-risk deployed",
        Duration.ofMinutes(3),
        () -> postJson("pm", CREDIT, creditApplicant(0)).status() == 200);
  }

  @Test
  void aWholeRecordIsDecidedAndAPartialOneAboveTheShareNamesWhatIsMissing() {
    assertThat(postJson("pm", CREDIT, creditApplicant(1)).json().path("missingFeatures").size())
        .isZero();

    Map<String, Object> partial = new LinkedHashMap<>(creditApplicant(1));
    partial.remove("job");
    partial.remove("checking_status");
    Reply answered = postJson("pm", CREDIT, partial);
    assertThat(answered.status()).as(answered.text()).isEqualTo(200);
    assertThat(answered.json().path("missingFeatures").toString()).contains("checking_status");
  }

  @Test
  void aRecordOfOneAttributeIsRefusedListingWhatIsMissing() {
    Reply refused = postJson("pm", CREDIT, Map.of("credit_amount", 5000));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").asText()).isEqualTo("INVALID_FEATURES");
    assertThat(refused.json().path("detail").asText())
        .contains(
            "gives 1 of the model's", "Missing:", "duration", "lepton.decisions.min-known-share");
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    for (Object bad : new Object[] {"-Infinity", "NaN", "Infinity"}) {
      Map<String, Object> record = new LinkedHashMap<>(creditApplicant(2));
      record.put("credit_amount", bad);
      Reply refused = postJson("pm", CREDIT, record);
      assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
      assertThat(refused.json().path("detail").asText())
          .contains("'credit_amount' must be a finite number");
    }
  }

  @Test
  void anUnknownAttributeIsNamedWithTheOneItProbablyMeant() {
    Map<String, Object> record = new LinkedHashMap<>(creditApplicant(3));
    record.put("CREDIT_AMOUNT", record.remove("credit_amount"));
    Reply refused = postJson("pm", CREDIT, record);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("detail").asText())
        .contains("'CREDIT_AMOUNT' (did you mean 'credit_amount'?)");
  }

  @Test
  void aRecordOfAnotherModelIsRefused() {
    waitFor(
        "demo churn-risk deployed",
        Duration.ofMinutes(3),
        () ->
            postJson("pm", "/api/decisions/churn-risk?ruleSet=churn-retention", churnCustomer(0))
                    .status()
                == 200);
    Reply refused =
        postJson("pm", "/api/decisions/churn-risk?ruleSet=churn-retention", creditApplicant(4));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("detail").asText())
        .contains("The model has no attribute", "'checking_status'");
  }

  @Test
  void valuesThatAreNotValuesAreRefused() {
    Map<String, Object> record = new LinkedHashMap<>(creditApplicant(5));
    record.put("duration", Map.of("$gt", 1));
    assertThat(postJson("pm", CREDIT, record).json().path("detail").asText())
        .contains("'duration' must be one number, not an object");
    record.put("duration", java.util.List.of(1, 2));
    assertThat(postJson("pm", CREDIT, record).status()).isEqualTo(400);
  }

  @Test
  void aDecisionBodyOverItsLimitIsRefusedBeforeItIsRead() {
    long decisionsBefore =
        get("auditor", "/api/decisions?model=credit-risk&limit=1000").json().size();
    Map<String, Object> record = new LinkedHashMap<>(creditApplicant(6));
    for (int i = 0; i < 10; i++) {
      record.put("padding" + i, "x".repeat(5_000_000));
    }
    Reply declared = postJson("pm", CREDIT, record);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.json().path("detail").asText())
        .contains("is 47 MB, over the 64 KB limit (lepton.api.max-body)");
    assertThat(get("auditor", "/api/decisions?model=credit-risk&limit=1000").json().size())
        .isEqualTo(decisionsBefore);
  }

  @Test
  void aChunkedDecisionBodyIsCutOffAtItsLimit() throws Exception {
    AtomicLong sent = new AtomicLong();
    Answer answer = chunked("pm", CREDIT, "application/json", 50_000_000, sent);
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(answer.body()).contains("grew past the 64 KB limit");
  }

  @Test
  void aModelDecidesOnlyWithTheRuleSetsItWasApprovedFor() {
    Reply refused =
        postJson("pm", "/api/decisions/credit-risk?ruleSet=churn-retention", creditApplicant(8));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").asText()).isEqualTo("RULE_SET_NOT_APPROVED");
    assertThat(refused.json().path("detail").asText())
        .contains("may decide with [credit-decision]", "not with 'churn-retention'");

    String key = "ENG-RULES-" + System.nanoTime();
    startEngagement("pm", key);
    Reply unknown =
        completeTask(
            "ds",
            taskId("ds", key, "Task_AnalyseRequirements"),
            Map.of(
                "targetAttribute",
                "churn",
                "problemType",
                "classification",
                "modelName",
                "rules-check",
                "successMetric",
                "pctCorrect",
                "successThreshold",
                70,
                "algorithms",
                "weka.classifiers.bayes.NaiveBayes",
                "ruleSets",
                "credit-decision, fraud-alert"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text()).contains("No decision rule set is named fraud-alert");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
      -W 1000 -dictionary /tmp/lepton-words | The option -dictionary of weka.filters.unsupervised.attribute.StringToWordVector reads or writes a file
      -stopwords-handler weka.core.stopwords.WordsFromFile -stopwords /etc/passwd | WordsFromFile
      -R 1 -L | Leave -R out of the word-vector options
      -W many | Weka refuses the word-vector options
      """)
  void wordVectorOptionsThatTouchFilesOrCannotBeReadAre400OnTheForm(String options, String named) {
    String key = "ENG-TEXT-" + System.nanoTime();
    startEngagement("pm", key);
    Reply refused =
        completeTask(
            "ds",
            taskId("ds", key, "Task_AnalyseRequirements"),
            Map.of(
                "targetAttribute",
                "class-att",
                "problemType",
                "classification",
                "modelName",
                "text-check",
                "successMetric",
                "pctCorrect",
                "successThreshold",
                70,
                "algorithms",
                "weka.classifiers.bayes.NaiveBayesMultinomial",
                "textAttributes",
                "Text",
                "textOptions",
                options));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains(named).doesNotContain("root:");
    assertThat(taskId("ds", key, "Task_AnalyseRequirements")).isNotNull();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
      weka.classifiers.misc.SerializedClassifier -model /etc/passwd | 'weka.classifiers.misc.SerializedClassifier' is not one of the Weka classes Lepton allows
      weka.classifiers.meta.Bagging -W weka.classifiers.misc.InputMappedClassifier -- -L /etc/passwd | 'weka.classifiers.misc.InputMappedClassifier' is not one of
      weka.classifiers.meta.Vote -P /etc/passwd | The option -P of weka.classifiers.meta.Vote reads or writes a file on the server
      weka.classifiers.meta.FilteredClassifier -F "weka.filters.unsupervised.attribute.StringToWordVector -dictionary /tmp/lepton-dictionary" -W weka.classifiers.bayes.NaiveBayes | The option -dictionary of weka.filters.unsupervised.attribute.StringToWordVector reads or writes a file
      weka.classifiers.functions.SMO -K "weka.classifiers.functions.supportVector.PrecomputedKernelMatrixKernel -M /etc/passwd" | PrecomputedKernelMatrixKernel' is not one of
      """)
  void requirementsNamingAFileReadingClassAre400OnTheForm(String algorithm, String named) {
    String key = "ENG-ALGO-" + System.nanoTime();
    startEngagement("pm", key);
    Reply refused =
        completeTask(
            "ds",
            taskId("ds", key, "Task_AnalyseRequirements"),
            Map.of(
                "targetAttribute",
                "churn",
                "problemType",
                "classification",
                "modelName",
                "algo-check",
                "successMetric",
                "pctCorrect",
                "successThreshold",
                70,
                "algorithms",
                algorithm));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text())
        .contains(named)
        .doesNotContain("root:")
        .doesNotContain("stream header");
    assertThat(taskId("ds", key, "Task_AnalyseRequirements")).isNotNull();
  }

  @Test
  void aSqlPullFromASourceNoOneDeclaredIs400OnTheFormAndAudited() {
    String key = "ENG-SQL-" + System.nanoTime();
    startEngagement("pm", key);
    Reply refused =
        completeTask(
            "ds",
            taskId("ds", key, "Task_AnalyseRequirements"),
            Map.of(
                "targetAttribute",
                "churn",
                "problemType",
                "classification",
                "modelName",
                "sql-check",
                "successMetric",
                "pctCorrect",
                "successThreshold",
                70,
                "algorithms",
                "weka.classifiers.bayes.NaiveBayes",
                "sqlSource",
                "crm",
                "sqlQuery",
                "SELECT CAST(FILE_READ('/etc/passwd', NULL) AS VARCHAR) FROM customers"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("no client database named 'crm'");
    assertThat(
            auditEntries().stream()
                .filter(
                    e ->
                        e.path("type").asText().equals("SQL_PULL_REFUSED")
                            && e.path("subjectId").asText().equals(key)))
        .hasSize(1);
  }

  @Test
  void aVariableNamingAWekaClassIsNeverTurnedIntoOne() {
    String key = "ENG-OBJECT-" + System.nanoTime();
    Reply started =
        postJson(
            "pm",
            "/engine-rest/process-definition/key/ai-engagement/start",
            Map.of(
                "businessKey",
                key,
                "variables",
                Map.of(
                    "client",
                    Map.of("value", "Test Bank"),
                    "engagementName",
                    Map.of("value", "object variable"),
                    "payload",
                    Map.of(
                        "value",
                        "{\"modelPath\": \"/etc/passwd\"}",
                        "type",
                        "Object",
                        "valueInfo",
                        Map.of(
                            "objectTypeName", "weka.classifiers.misc.SerializedClassifier",
                            "serializationDataFormat", "application/json")))));
    if (started.status() == 200) {
      Reply read =
          get(
              "pm",
              "/engine-rest/process-instance/"
                  + started.json().path("id").asText()
                  + "/variables/payload");
      assertThat(read.status()).as(read.text()).isNotEqualTo(200);
      assertThat(read.text()).containsIgnoringCase("weka.classifiers.misc.SerializedClassifier");
    } else {
      assertThat(started.status()).as(started.text()).isBetween(400, 499);
    }
  }

  @Test
  void aFormPostFromAnotherSiteIsRefusedAndAuditedWhileProgramsAndThisSiteGoThrough() {
    String key = engagementAwaitingData("ENG-XSITE-");
    String path = "/api/engagements/" + key + "/datasets?name=x.csv";
    long refusals =
        auditEntries().stream()
            .filter(
                e ->
                    e.path("type").asText().equals("AUTHORIZATION_REFUSED")
                        && e.path("payload").path("origin").asText().equals("https://evil.example"))
            .count();

    Reply crossSite = postWithOrigin("ds", path, "https://evil.example", waChurn());
    assertThat(crossSite.status()).as(crossSite.text()).isEqualTo(403);
    assertThat(crossSite.json().path("detail").asText())
        .contains("from another site (https://evil.example)");
    assertThat(
            auditEntries().stream()
                .filter(
                    e ->
                        e.path("type").asText().equals("AUTHORIZATION_REFUSED")
                            && e.path("payload")
                                .path("origin")
                                .asText()
                                .equals("https://evil.example"))
                .count())
        .isEqualTo(refusals + 1);
    assertThat(postWithOrigin("ds", path, "null", waChurn()).status()).isEqualTo(403);
    assertThat(get("pm", "/api/engagements/" + key).json().path("currentSteps").toString())
        .contains("Task_AwaitDataset");

    Reply sameSite = postWithOrigin("ds", path, "http://localhost:" + port, waChurn());
    assertThat(sameSite.status()).as(sameSite.text()).isEqualTo(201);
  }

  @Test
  void aDatasetNameWithLineBreaksIsCleanedBeforeItReachesAHeader() {
    String key = engagementAwaitingData("ENG-CRLF-");
    Reply stored =
        post(
            "ds",
            "/api/engagements/" + key + "/datasets?name=churn%0D%0ASet-Cookie:%20x%3D1.csv",
            "text/csv",
            waChurn());
    assertThat(stored.status()).as(stored.text()).isEqualTo(201);

    Reply file = get("ds", "/api/datasets/" + stored.json().path("datasetId").asText() + "/file");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.raw().headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(file.raw().headers().firstValue("Content-Disposition").orElseThrow())
        .doesNotContain("\r", "\n")
        .contains("churn__Set-Cookie");
  }

  @Test
  void aChunkedUploadOverTheIngestLimitIsRefusedWithoutTheServerHoldingIt() throws Exception {
    String key = engagementAwaitingData("ENG-CHUNKED-");
    long heapBefore = usedHeapAfterGc();
    AtomicLong sent = new AtomicLong();

    Answer answer =
        chunked("ds", "/api/engagements/" + key + "/datasets", "text/csv", 2_000_000_000L, sent);

    // The test's limit is 5 MB: the server stopped reading long before the client's 2 GB were sent
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(answer.body()).contains("lepton.ingest.max-size");
    assertThat(sent.get()).isLessThan(200_000_000L);
    assertThat(usedHeapAfterGc() - heapBefore).isLessThan(64_000_000L);
    assertThat(get("pm", "/api/engagements/" + key).json().path("currentSteps").toString())
        .contains("Task_AwaitDataset");
  }

  /**
   * The answer to a body of the given size sent chunked (no Content-Length), generated as it is
   * sent.
   */
  private record Answer(int status, String body) {}

  private Answer chunked(String user, String path, String contentType, long size, AtomicLong sent)
      throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost:"
                  + port
                  + "\r\nContent-Type: "
                  + contentType
                  + "\r\nAuthorization: Basic "
                  + Base64.getEncoder()
                      .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))
                  + "\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      boolean jsonBody = contentType.contains("json");
      String opening = jsonBody ? "{\"padding\": \"" : "customerID,tenure,churn\n";
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk =
                    (jsonBody ? "x".repeat(65536) : "1,2,Yes\n".repeat(8192))
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] head =
                    (Integer.toHexString(chunk.length) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                try {
                  out.write(
                      (Integer.toHexString(opening.length()) + "\r\n" + opening + "\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  while (sent.get() < size) {
                    out.write(head);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent.addAndGet(chunk.length);
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException closedByTheServer) {
                  // the server answered and closed: what it did not read was never sent
                }
              },
              "chunked-sender");
      writer.setDaemon(true);
      writer.start();
      java.io.BufferedReader in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String statusLine = in.readLine();
      StringBuilder rest = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null) {
        rest.append(line).append('\n');
        if (rest.indexOf("}") >= 0) {
          break;
        }
      }
      socket.shutdownOutput();
      writer.join(10_000);
      return new Answer(Integer.parseInt(statusLine.split(" ")[1]), rest.toString());
    }
  }

  private String engagementAwaitingData(String prefix) {
    String key = prefix + System.nanoTime();
    startEngagement("pm", key);
    completeTask(
        "ds",
        taskId("ds", key, "Task_AnalyseRequirements"),
        Map.of(
            "targetAttribute",
            "churn",
            "problemType",
            "classification",
            "modelName",
            "safe-inputs",
            "successMetric",
            "pctCorrect",
            "successThreshold",
            70,
            "algorithms",
            "weka.classifiers.bayes.NaiveBayes"));
    return key;
  }

  private Reply postWithOrigin(String user, String path, String origin, byte[] body) {
    try {
      java.net.http.HttpResponse<byte[]> response =
          CLIENT.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://localhost:" + port + path))
                  .header("Content-Type", "text/plain")
                  .header("Origin", origin)
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
