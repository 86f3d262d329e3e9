package ai.lepton.app.demo;

import ai.lepton.ml.scoring.DeployedModels;
import ai.lepton.news.NewsItems;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * On first start of the demo, once the `grain-news` model is live, drops a sample news feed into
 * the news inbox: an RSS 2.0 file of the 604 Reuters grain test stories (the model never saw them;
 * their labels are not in the feed), one a minute up to now. The news route reads it item by item
 * as it would any feed.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "lepton.demo.enabled", havingValue = "true")
public class DemoNewsFeed implements ApplicationRunner {

  static final String RESOURCE = "demo/ReutersGrain-test.arff";
  static final String FILE = "demo-grain-news.xml";
  private static final Logger LOG = LoggerFactory.getLogger(DemoNewsFeed.class);
  private static final Duration WAIT = Duration.ofMinutes(10);

  private final DeployedModels models;
  private final NewsItems items;
  private final Path inbox;

  public DemoNewsFeed(
      DeployedModels models,
      NewsItems items,
      @Value("${lepton.news.inbox:${lepton.ingest.inbox}/news}") String inbox) {
    this.models = models;
    this.items = items;
    this.inbox = Path.of(inbox);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!items.recent(null, 1).isEmpty()) {
      return; // fed on an earlier start
    }
    Thread feeder = new Thread(this::feedWhenLive, "lepton-demo-news");
    feeder.setDaemon(true);
    feeder.start();
  }

  private void feedWhenLive() {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      try {
        models.get("grain-news");
        Path file = inbox.resolve(FILE);
        Files.createDirectories(inbox);
        Path partial = inbox.resolve(FILE + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
          out.write(rss(DemoActors.resource(RESOURCE), Instant.now()));
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Demo news feed of the Reuters grain test stories dropped into {}", file);
        return;
      } catch (RuntimeException notLiveYet) {
        pause();
      } catch (Exception e) {
        LOG.warn("The demo news feed could not be written: {}", e.getMessage());
        return;
      }
    }
    LOG.warn("Demo model 'grain-news' was not live within {}: no demo news feed", WAIT);
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The stories as an RSS 2.0 feed: headline (the story's opening capitals), story, a time a minute
   * apart.
   */
  static byte[] rss(byte[] arff, Instant now) throws Exception {
    Instances stories = new DataSource(new ByteArrayInputStream(arff)).getDataSet();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("rss");
    xml.writeAttribute("version", "2.0");
    xml.writeStartElement("channel");
    element(xml, "title", "Demo grain news (Reuters-21578 ModApte test stories)");
    element(xml, "link", "https://lepton.ai/demo/grain-news");
    element(xml, "description", "Sample feed for Lepton's news-monitoring demo");
    DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    int text = stories.attribute("Text").index();
    for (int i = 0; i < stories.numInstances(); i++) {
      String story = stories.instance(i).stringValue(text);
      xml.writeStartElement("item");
      element(xml, "title", headline(story));
      element(xml, "description", story);
      xml.writeStartElement("guid");
      xml.writeAttribute("isPermaLink", "false"); // an id, not a link a person could open
      xml.writeCharacters("demo-grain-news-" + (i + 1));
      xml.writeEndElement();
      element(
          xml, "pubDate", rfc822.format(now.minus(Duration.ofMinutes(stories.numInstances() - i))));
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return out.toByteArray();
  }

  /**
   * A wire story's headline: its opening words in capitals (at most 15), or its first 80
   * characters.
   */
  static String headline(String story) {
    List<String> words = new ArrayList<>();
    for (String word : story.strip().split("\\s+")) {
      if (words.size() == 15
          || !word.equals(word.toUpperCase(Locale.ROOT))
          || word.chars().noneMatch(Character::isLetter)
              && !words.isEmpty()
              && word.length() > 12) {
        break;
      }
      words.add(word);
    }
    if (words.isEmpty()) {
      return story.length() <= 80 ? story : story.substring(0, 80);
    }
    // the capitals run into the story's first word (a name in capitals): keep the headline's words
    // only
    return String.join(" ", words.size() > 1 ? words.subList(0, words.size() - 1) : words);
  }

  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
