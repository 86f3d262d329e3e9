package ai.lepton.news;

import ai.lepton.ingest.FileDropRoute;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * News into news monitoring, from two sources: each feed of {@code lepton.news.feeds} (RSS or
 * Atom), read every {@code lepton.news.poll-every} by Camel's feed component, and RSS or Atom files
 * dropped into the news inbox ({@code <inbox>/news/}; read files move to {@code .done/}, unreadable
 * ones to {@code .error/}). Every entry goes to {@link NewsMonitoring}, which decides each item
 * once however often a feed repeats it.
 */
@Component
public class NewsFeedRoute extends RouteBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(NewsFeedRoute.class);
  static final String SOURCE = "leptonNewsSource";

  private final NewsMonitoring monitoring;
  private final NewsProperties properties;
  private final String ingestInbox;

  public NewsFeedRoute(
      NewsMonitoring monitoring,
      NewsProperties properties,
      @org.springframework.beans.factory.annotation.Value("${lepton.ingest.inbox:./data/inbox}")
          String ingestInbox) {
    this.monitoring = monitoring;
    this.properties = properties;
    this.ingestInbox = ingestInbox;
  }

  /** The folder RSS and Atom files are dropped into. */
  Path inbox() {
    return Path.of(
            properties.inbox() != null
                ? properties.inbox()
                : Path.of(ingestInbox).resolve(FileDropRoute.NEWS_FOLDER).toString())
        .toAbsolutePath()
        .normalize();
  }

  @Override
  public void configure() throws IOException {
    Path inbox = inbox();
    Files.createDirectories(inbox);
    fromF(
            "file:%s?include=.*\\.(xml|XML|rss|RSS|atom|ATOM)&readLock=changed&readLockMinAge=1000"
                + "&move=.done/${date:now:yyyyMMdd'T'HHmmssSSS}-${file:name}"
                + "&moveFailed=.error/${date:now:yyyyMMdd'T'HHmmssSSS}-${file:name}",
            inbox)
        .routeId("news-file-drop")
        .process(
            exchange -> {
              byte[] bytes = exchange.getMessage().getBody(byte[].class);
              SyndFeed feed =
                  new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes)));
              receiveAll(
                  feed,
                  "file " + exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class));
            });
    List<String> feeds = properties.feeds();
    for (int i = 0; i < feeds.size(); i++) {
      String feed = feeds.get(i);
      fromF(
              "rss:%s?splitEntries=false&delay=%d&initialDelay=1000",
              feed, properties.pollEvery().toMillis())
          .routeId("news-feed-" + (i + 1))
          .process(
              exchange ->
                  receiveAll(exchange.getMessage().getBody(SyndFeed.class), "feed " + feed));
    }
  }

  /**
   * Every entry of a feed, each on its own: one that fails is logged and the others still go
   * through.
   */
  int receiveAll(SyndFeed feed, String source) {
    int added = 0;
    int failed = 0;
    for (SyndEntry entry : feed.getEntries()) {
      try {
        if (monitoring
            .receive(NewsArticles.of(entry, properties.maxTextLength()), source)
            .isPresent()) {
          added++;
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.warn(
            "News item '{}' from {} could not be monitored: {}",
            entry.getTitle(),
            source,
            e.getMessage());
      }
    }
    LOG.info(
        "News from {}: {} entries, {} new, {} failed",
        source,
        feed.getEntries().size(),
        added,
        failed);
    return added;
  }
}
