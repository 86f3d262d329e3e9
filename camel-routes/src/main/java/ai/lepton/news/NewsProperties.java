package ai.lepton.news;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lepton.news.*}: where news comes from and how it is judged.
 *
 * @param feeds RSS or Atom feed addresses polled by Camel's feed component ({@code https://…}, or
 *     {@code file:…} for a local feed); none by default
 * @param pollEvery how often each feed is read (default 5 minutes)
 * @param inbox the folder where RSS or Atom files are dropped (default {@code <ingest inbox>/news})
 * @param model the deployed text model that reads each item (default {@code grain-news}, the
 *     demo's)
 * @param textAttribute the model's text attribute the item's title and text go into (default {@code
 *     Text})
 * @param watchList the clients the institution watches (names matched as whole words in the item,
 *     first one found)
 * @param window how far back alerts about the same client count toward an escalation (default 24
 *     hours)
 * @param maxTextLength the longest item text read; longer ones are cut (default 20,000 characters)
 */
@ConfigurationProperties(prefix = "lepton.news")
public record NewsProperties(
    List<String> feeds,
    Duration pollEvery,
    String inbox,
    String model,
    String textAttribute,
    List<String> watchList,
    Duration window,
    int maxTextLength) {

  public NewsProperties {
    feeds = feeds == null ? List.of() : feeds.stream().filter(f -> !f.isBlank()).toList();
    pollEvery = pollEvery == null ? Duration.ofMinutes(5) : pollEvery;
    model = model == null || model.isBlank() ? "grain-news" : model;
    textAttribute = textAttribute == null || textAttribute.isBlank() ? "Text" : textAttribute;
    watchList =
        watchList == null
            ? List.of()
            : watchList.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
    window = window == null ? Duration.ofHours(24) : window;
    maxTextLength = maxTextLength <= 0 ? 20_000 : maxTextLength;
  }
}
