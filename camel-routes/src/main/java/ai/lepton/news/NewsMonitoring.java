package ai.lepton.news;

import ai.lepton.ml.engagement.EngagementProcesses;
import ai.lepton.process.ProcessKey;
import ai.lepton.process.TextVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
  private final EngagementProcesses processes;
  private final WatchList watchList;

  public NewsMonitoring(NewsItems items, EngagementProcesses processes, NewsProperties properties) {
    this.items = items;
    this.processes = processes;
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
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("newsItemId", item.id());
    variables.put("modelName", item.modelName());
    variables.put("articleTitle", TextVariables.cut(item.title() == null ? "" : item.title()));
    variables.put("articleLink", item.link());
    variables.put("articleExcerpt", TextVariables.cut(item.article()));
    variables.put("client", item.client());
    variables.put("earlierAlertsAboutClient", item.earlierAlerts());
    processes.start(ProcessKey.NEWS_MONITORING.key(), item.id(), variables);
    return Optional.of(item.id());
  }
}
