package ai.lepton.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code lepton.ingest.*}: the limits every source shares, and the inbox folder of the file drop.
 *
 * @param maxSize largest dataset accepted (default 200 MB)
 * @param maxRows most rows accepted
 * @param maxBadRowShare share of malformed rows set aside before a file is refused (default 0.01)
 * @param inbox the file drop's folder; a file in {@code inbox/<engagement id>/} feeds that
 *     engagement
 * @param fileStableFor how long a dropped file's size must not change before it is read
 * @param processSenders keys of the processes whose {@code sendDataset} tasks may send data into
 *     engagements (none by default)
 */
@ConfigurationProperties(prefix = "lepton.ingest")
public record IngestProperties(
    DataSize maxSize,
    long maxRows,
    double maxBadRowShare,
    String inbox,
    Duration fileStableFor,
    java.util.List<String> processSenders) {

  public IngestProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(200) : maxSize;
    maxRows = maxRows <= 0 ? 10_000_000 : maxRows;
    maxBadRowShare = maxBadRowShare <= 0 ? 0.01 : maxBadRowShare;
    inbox = inbox == null ? "./data/inbox" : inbox;
    fileStableFor = fileStableFor == null ? Duration.ofSeconds(2) : fileStableFor;
    processSenders =
        processSenders == null ? java.util.List.of() : java.util.List.copyOf(processSenders);
  }
}
