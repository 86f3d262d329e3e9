package ai.lepton.news;

import ai.lepton.ml.Json;
import ai.lepton.ml.Sha256;
import ai.lepton.ml.TimeOrderedId;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lepton's record of the news it monitors ({@code lepton_news_item}): each item once, with the
 * client it is about, the alerts about that client counted when it arrived, and the decision taken
 * on it. The news-monitoring process reads the item's text and context from here ({@link
 * #featuresOf}, {@link #contextOf}: the starter's {@code newsItems} puts them into the process), so
 * a decision acts on what was received, not on a variable.
 */
@Component("newsItemRecord")
public class NewsItems {

  /** The decisions that are alerts: they count toward an escalation about the same client. */
  static final List<String> ALERTS = List.of("REVIEW_NEGATIVE_NEWS", "ESCALATE_CLIENT");

  private static final String COLUMNS =
      "SELECT id, item_key, source, title, link, published_at, received_at, client,"
          + " earlier_alerts, window_hours, article, model_name, process_instance_id, decision_id, decision, probability,"
          + " error_message FROM lepton_news_item";

  private final JdbcTemplate jdbc;
  private final NewsProperties properties;

  public NewsItems(JdbcTemplate jdbc, NewsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** A news item as recorded. */
  public record Item(
      String id,
      String key,
      String source,
      String title,
      String link,
      Instant publishedAt,
      Instant receivedAt,
      String client,
      int earlierAlerts,
      int windowHours,
      String article,
      String modelName,
      String processInstanceId,
      String decisionId,
      String decision,
      Double probability,
      String errorMessage) {}

  /**
   * Records an item not seen before, with the alerts about its client within the window; empty when
   * its key is already recorded (a feed read again, a file dropped twice).
   */
  public Optional<Item> claim(NewsArticle article, String source, String client) {
    if (exists(article.key())) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    int windowHours = (int) Math.max(1, properties.window().toHours());
    int earlier = client == null ? 0 : alertsAbout(client, now.minus(properties.window()));
    String id = TimeOrderedId.next("ni");
    try {
      jdbc.update(
          "INSERT INTO lepton_news_item (id, item_key, source, title, link, published_at, received_at,"
              + " client, earlier_alerts, window_hours, text_sha256, article, model_name)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id,
          article.key(),
          fitted(source, 700),
          article.title(),
          article.link(),
          article.publishedAt() == null ? null : Timestamp.from(article.publishedAt()),
          Timestamp.from(now),
          client,
          earlier,
          windowHours,
          Sha256.hex(article.text().getBytes(StandardCharsets.UTF_8)),
          article.text(),
          properties.model());
    } catch (DuplicateKeyException seenMeanwhile) {
      return Optional.empty(); // another node took it first
    }
    return find(id);
  }

  /** The items about a client sent to review or escalated since an instant. */
  public int alertsAbout(String client, Instant since) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM lepton_news_item WHERE client = ? AND received_at >= ?"
                + " AND decision IN (?, ?)",
            Integer.class,
            client,
            Timestamp.from(since),
            ALERTS.get(0),
            ALERTS.get(1));
    return count == null ? 0 : count;
  }

  public boolean exists(String key) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM lepton_news_item WHERE item_key = ?", Integer.class, key);
    return count != null && count > 0;
  }

  public Optional<Item> find(String id) {
    return jdbc.query(COLUMNS + " WHERE id = ?", NewsItems::item, id).stream().findFirst();
  }

  /** The newest items, newest first; only those about a client when one is given. */
  public List<Item> recent(String client, int limit) {
    return client == null
        ? jdbc.query(
            COLUMNS + " ORDER BY received_at DESC, id DESC LIMIT ?", NewsItems::item, limit)
        : jdbc.query(
            COLUMNS + " WHERE client = ? ORDER BY received_at DESC, id DESC LIMIT ?",
            NewsItems::item,
            client,
            limit);
  }

  /** The record the text model decides on: the item's text as the model's text attribute (JSON). */
  public String featuresOf(String id) {
    Item item = require(id);
    return Json.write(Map.of(properties.textAttribute(), item.article()));
  }

  /**
   * The facts the news-monitoring rules read beside the record (JSON): client, earlier alerts,
   * window.
   */
  public String contextOf(String id) {
    Item item = require(id);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("newsItemId", item.id());
    context.put("client", item.client());
    context.put("earlierAlertsAboutClient", item.earlierAlerts());
    context.put("windowHours", item.windowHours());
    return Json.write(context);
  }

  /** What the news-monitoring process decided on the item, or why no decision was taken. */
  public void recordDecision(
      String id,
      String processInstanceId,
      String decisionId,
      String decision,
      Double probability,
      String errorMessage) {
    jdbc.update(
        "UPDATE lepton_news_item SET process_instance_id = ?, decision_id = ?, decision = ?, probability = ?,"
            + " error_message = ? WHERE id = ?",
        processInstanceId,
        decisionId,
        decision,
        probability,
        errorMessage == null ? null : fitted(errorMessage, 4000),
        id);
  }

  private Item require(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("No news item " + id));
  }

  private static String fitted(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit);
  }

  private static Item item(ResultSet rs, int row) throws SQLException {
    return new Item(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
        rs.getTimestamp(7).toInstant(),
        rs.getString(8),
        rs.getInt(9),
        rs.getInt(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getObject(16) == null ? null : ((Number) rs.getObject(16)).doubleValue(),
        rs.getString(17));
  }
}
