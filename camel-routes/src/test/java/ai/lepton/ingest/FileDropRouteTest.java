package ai.lepton.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.process.ProcessMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file drop on Camel's real file component, where its route lives: files put in an inbox folder
 * reach the ingest pipeline's endpoint with what the folder says (engagement, production data or
 * not, format), then move to {@code .done/} or, refused, to {@code .error/} with a note saying why.
 * The pipeline itself ({@code direct:ingest}, tested with the whole application) is stood in for by
 * a route that keeps what it was given and refuses a body that starts with "bad".
 */
class FileDropRouteTest {

  @TempDir Path inbox;
  private CamelContext camel;
  private final List<Map<String, Object>> ingested =
      Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    camel = new DefaultCamelContext();
    camel.addRoutes(
        new FileDropRoute(
            new IngestProperties(null, 0, 0, inbox.toString(), Duration.ofMillis(200), null)));
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from(DatasetIngestRoute.URI)
                .routeId("ingest-stand-in")
                .process(
                    exchange -> {
                      Map<String, Object> seen =
                          new LinkedHashMap<>(exchange.getMessage().getHeaders());
                      String body =
                          new String(
                              exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
                      seen.put("body", body);
                      ingested.add(seen);
                      if (body.startsWith("bad")) {
                        throw new IngestRefusedException(
                            IngestRefusedException.Kind.UNREADABLE, "line 1 is not a header row");
                      }
                    });
          }
        });
    camel.start();
  }

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void aDatasetAndProductionDataDroppedForAnEngagementAreIngestedAndKept() throws Exception {
    NotifyBuilder done =
        new NotifyBuilder(camel).fromRoute("ingest-file-drop").whenDone(2).create();
    drop("ENG-7/customers.csv", "tenure,churn\n1,Yes\n");
    drop("ENG-7/monitoring/june.ARFF", "@relation june\n");

    assertThat(done.matches(30, TimeUnit.SECONDS)).as("both files read").isTrue();
    Map<String, Object> dataset = ingestedNamed("customers.csv");
    assertThat(dataset)
        .containsEntry(IngestHeaders.ENGAGEMENT, "ENG-7")
        .containsEntry(IngestHeaders.SOURCE, "file")
        .containsEntry(IngestHeaders.FORMAT, "csv")
        .containsEntry("body", "tenure,churn\n1,Yes\n")
        .doesNotContainKey(IngestHeaders.MESSAGE);
    assertThat(ingestedNamed("june.ARFF"))
        .containsEntry(IngestHeaders.ENGAGEMENT, "ENG-7")
        .containsEntry(IngestHeaders.FORMAT, "arff")
        .containsEntry(
            IngestHeaders.MESSAGE, ProcessMessage.MONITORING_DATA_RECEIVED.messageName());
    waitUntilMoved("ENG-7/customers.csv");
    waitUntilMoved("ENG-7/monitoring/june.ARFF");
    assertThat(Files.readString(only(inbox.resolve("ENG-7/.done"), "-customers.csv")))
        .isEqualTo("tenure,churn\n1,Yes\n");
    assertThat(only(inbox.resolve("ENG-7/monitoring/.done"), "-june.ARFF")).exists();
  }

  @Test
  void aRefusedFileMovesToErrorWithANoteSayingWhyAndAFileInTheWrongFolderNeverReachesThePipeline()
      throws Exception {
    NotifyBuilder done =
        new NotifyBuilder(camel).fromRoute("ingest-file-drop").whenDone(2).create();
    drop("ENG-7/broken.csv", "bad,,,\n");
    drop("ENG-7/archive/old.csv", "tenure,churn\n");

    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    waitUntilMoved("ENG-7/broken.csv");
    waitUntilMoved("ENG-7/archive/old.csv");
    Path errors = inbox.resolve("ENG-7/.error");
    assertThat(Files.readString(only(errors, "-broken.csv"))).isEqualTo("bad,,,\n");
    assertThat(Files.readString(only(errors, "-broken.csv.error.txt")))
        .startsWith("Refused, nothing stored: line 1 is not a header row");
    assertThat(Files.readString(only(inbox.resolve("ENG-7/archive/.error"), "-old.csv.error.txt")))
        .contains("Put files in <inbox>/<engagement id>/")
        .contains("not in ENG-7/archive");
    assertThat(ingested)
        .extracting(seen -> seen.get(IngestHeaders.DATASET_NAME))
        .containsExactly("broken.csv");
  }

  @Test
  void recordsToDecideNewsAndOtherFilesAreLeftToTheirOwnRoutes() throws Exception {
    drop("decisions/churn-risk/campaign.csv", "tenure\n1\n");
    drop("news/reuters.txt", "grain prices rose\n");
    drop("ENG-7/notes.md", "# not data\n");
    drop("loose.csv", "tenure\n1\n");
    Thread.sleep(
        1_000); // older than the marker below: read in the same poll or an earlier one, if at all
    NotifyBuilder done =
        new NotifyBuilder(camel).fromRoute("ingest-file-drop").whenDone(1).create();
    drop("ENG-7/marker.csv", "tenure\n1\n");

    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ingested)
        .extracting(seen -> seen.get(IngestHeaders.DATASET_NAME))
        .containsExactly("marker.csv");
    for (String left :
        List.of(
            "decisions/churn-risk/campaign.csv",
            "news/reuters.txt",
            "ENG-7/notes.md",
            "loose.csv")) {
      assertThat(inbox.resolve(left)).as(left).exists();
    }
  }

  private void drop(String relative, String content) throws IOException {
    Path file = inbox.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private Map<String, Object> ingestedNamed(String name) {
    return ingested.stream()
        .filter(seen -> name.equals(seen.get(IngestHeaders.DATASET_NAME)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " was not ingested: " + ingested));
  }

  /** Camel moves a file once its exchange is done: shortly after the notification. */
  private void waitUntilMoved(String relative) throws InterruptedException {
    for (int i = 0; i < 100 && Files.exists(inbox.resolve(relative)); i++) {
      Thread.sleep(50);
    }
    assertThat(inbox.resolve(relative)).as("moved from the inbox").doesNotExist();
  }

  private static Path only(Path folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> matching = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
      assertThat(matching).as("%s in %s", suffix, folder).hasSize(1);
      return matching.get(0);
    }
  }
}
