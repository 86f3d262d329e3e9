package ai.lepton.news;

import ai.lepton.process.ProcessKey;
import ai.lepton.process.TextVariables;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one news article from a feed or a dropped file: records it once ({@link NewsItems}), finds
 * the watched client it is about ({@code lepton.news.watch-list}) and starts the news-monitoring
 * process on it (business key: the item's id). An item already recorded is skipped, so a feed read
 * again decides nothing twice.
 */
@Component
public class NewsMonitoring {

  private static final Logger LOG = LoggerFactory.getLogger(NewsMonitoring.class);

  private final NewsItems items;
  private final RuntimeService runtime;
  private final WatchList watchList;

  public NewsMonitoring(NewsItems items, RuntimeService runtime, NewsProperties properties) {
    this.items = items;
    this.runtime = runtime;
    this.watchList = new WatchList(properties.watchList());
  }

  /**
   * @return the recorded item's id, or empty when the item was seen before or has no text
   */
  public Optional<String> receive(NewsArticle article, String source) {
    if (article.text().isBlank()) {
      LOG.info("News item {} from {} has no text: not monitored", article.key(), source);
      return Optional.empty();
    }
    Optional<NewsItems.Item> claimed =
        items.claim(article, source, watchList.clientOf(article.text()));
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    NewsItems.Item item = claimed.get();
    runtime
        .createProcessInstanceByKey(ProcessKey.NEWS_MONITORING.key())
        .businessKey(item.id())
        .setVariable("newsItemId", item.id())
        .setVariable("modelName", item.modelName())
        .setVariable("articleTitle", TextVariables.cut(item.title() == null ? "" : item.title()))
        .setVariable("articleLink", item.link())
        .setVariable("articleExcerpt", TextVariables.cut(item.article()))
        .setVariable("client", item.client())
        .setVariable("earlierAlertsAboutClient", item.earlierAlerts())
        .execute();
    return Optional.of(item.id());
  }
}
