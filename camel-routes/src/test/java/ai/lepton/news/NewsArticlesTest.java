package ai.lepton.news;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feed entries as the text model reads them, and the watched client an item is about. */
class NewsArticlesTest {

  static SyndEntry entry(String title, String description, String uri, String link) {
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitle(title);
    SyndContentImpl content = new SyndContentImpl();
    content.setValue(description);
    entry.setDescription(content);
    entry.setUri(uri);
    entry.setLink(link);
    return entry;
  }

  @Test
  void aWireStoryIsReadAsSentEntitiesAndAll() {
    String story =
        "CHAMPION PRODUCTS &lt;CH> APPROVES STOCK SPLIT Champion Products Inc said its\nboard approved a"
            + " two-for-one stock split.\n    The company said ...";
    NewsArticle article =
        NewsArticles.of(
            entry("CHAMPION PRODUCTS &lt;CH> APPROVES STOCK SPLIT", story, "guid-1", null), 20_000);
    assertThat(article.text()).isEqualTo(story); // it opens with its headline: not repeated
    assertThat(article.key()).isEqualTo("guid-1");
  }

  @Test
  void htmlLosesItsMarkupAndTheHeadlineLeadsWhenTheStoryLacksIt() {
    NewsArticle article =
        NewsArticles.of(
            entry(
                "Wheat exports rise",
                "<p>Exports of <b>wheat</b> rose 5&nbsp;pct"
                    + " &amp; more.</p><script>track()</script>",
                null,
                "https://news.example/1"),
            20_000);
    assertThat(article.text())
        .isEqualTo("Wheat exports rise\nExports of  wheat  rose 5 pct & more.");
    assertThat(article.key()).isEqualTo("https://news.example/1");
  }

  @Test
  void anItemWithoutIdOrLinkIsKnownByItsTextAndALongTextIsCut() {
    NewsArticle article = NewsArticles.of(entry("T", "x".repeat(50), null, null), 20);
    assertThat(article.key()).startsWith("sha256:");
    assertThat(article.text()).hasSize(20);
    assertThat(NewsArticles.of(entry("T", "x".repeat(50), null, null), 20).key())
        .isEqualTo(article.key());
  }

  @Test
  void anRss2GuidThatIsNoLinkKeysTheItemAndLinksNowhere() throws Exception {
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>https://x</link>"
            + "<description>d</description><item><title>WHEAT</title><description>WHEAT sales rose</description>"
            + "<guid isPermaLink=\"false\">story-7</guid></item></channel></rss>";
    com.rometools.rome.feed.synd.SyndFeed feed =
        new com.rometools.rome.io.SyndFeedInput()
            .build(
                new com.rometools.rome.io.XmlReader(
                    new java.io.ByteArrayInputStream(
                        rss.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    NewsArticle article = NewsArticles.of(feed.getEntries().get(0), 20_000);
    assertThat(article.key()).isEqualTo("story-7");
    assertThat(article.link()).isNull();
    assertThat(article.text()).isEqualTo("WHEAT sales rose");
  }

  @Test
  void theFirstWatchedClientNamedAsAWordIsTheOneTheItemIsAbout() {
    WatchList watch = new WatchList(List.of("USSR", "China", "Egypt"));
    assertThat(watch.clientOf("The USSR bought wheat; china sold corn")).isEqualTo("USSR");
    assertThat(watch.clientOf("Exports to CHINA rose")).isEqualTo("China");
    assertThat(watch.clientOf("Chinaware sales and Egyptology")).isNull();
    assertThat(new WatchList(List.of()).clientOf("China")).isNull();
  }
}
