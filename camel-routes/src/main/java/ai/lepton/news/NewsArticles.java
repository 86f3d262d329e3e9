package ai.lepton.news;

import ai.lepton.ml.Sha256;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feed entries (ROME's, from RSS 0.9x/1.0/2.0 or Atom) as news articles: markup removed, text cut
 * to a limit.
 */
final class NewsArticles {

  private NewsArticles() {}

  static NewsArticle of(SyndEntry entry, int maxTextLength) {
    String title = plain(entry.getTitle());
    List<String> parts = new ArrayList<>();
    if (entry.getDescription() != null) {
      parts.add(plain(entry.getDescription().getValue()));
    }
    for (SyndContent content : entry.getContents()) {
      parts.add(plain(content.getValue()));
    }
    String body = String.join("\n", parts.stream().filter(p -> !p.isBlank()).distinct().toList());
    // a story that opens with its headline (as wire stories do) is read as it is; otherwise
    // headline, then story
    String text =
        title.isBlank() || body.startsWith(title)
            ? body
            : body.isBlank() ? title : title + "\n" + body;
    if (text.length() > maxTextLength) {
      text = text.substring(0, maxTextLength);
    }
    String link =
        entry.getLink() == null || entry.getLink().isBlank() ? null : entry.getLink().strip();
    String key =
        entry.getUri() != null && !entry.getUri().isBlank()
            ? entry.getUri().strip()
            : link != null
                ? link
                : "sha256:" + Sha256.hex((title + "\n" + text).getBytes(StandardCharsets.UTF_8));
    java.util.Date published =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return new NewsArticle(
        key.length() > 700 ? "sha256:" + Sha256.hex(key.getBytes(StandardCharsets.UTF_8)) : key,
        title.length() > 1000 ? title.substring(0, 1000) : title,
        link != null && link.length() > 2000 ? null : link,
        published == null ? null : published.toInstant(),
        text);
  }

  /**
   * An HTML tag: an item's text holding one is HTML; otherwise it is plain text and kept as sent.
   */
  private static final java.util.regex.Pattern TAG =
      java.util.regex.Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(\\s[^<>]*)?/?>");

  /**
   * The item's words: HTML loses its tags and has its common entities read; plain text (which may
   * hold an ampersand or an entity of its own, as wire stories do) is kept as sent, so the model
   * reads what it was trained on.
   */
  static String plain(String value) {
    if (value == null) {
      return "";
    }
    if (!TAG.matcher(value).find()) {
      return value.strip();
    }
    String text =
        value
            .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
            .replaceAll("<[^>]+>", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&");
    return text.strip();
  }
}
