package ai.lepton.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code lepton.sql.sources.<name>}: the clients' databases an engagement may pull from, by name,
 * as an administrator declares them: {@code url}, a read-only {@code username} and {@code
 * password}, the {@code clients} and/or {@code engagements} (business keys) allowed to use the
 * source, and the {@code tables} (or views) their queries may read. A source that names no client
 * and no engagement serves none. They are not Lepton's own database and never become Spring's
 * primary data source.
 */
@ConfigurationProperties(prefix = "lepton.sql")
public class ClientSqlSources {

  /** One client database and who may read what from it. */
  public record Source(
      String url,
      String username,
      String password,
      List<String> clients,
      List<String> engagements,
      List<String> tables) {

    public Source {
      clients = clients == null ? List.of() : List.copyOf(clients);
      engagements = engagements == null ? List.of() : List.copyOf(engagements);
      tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** Whether this engagement, opened for this client, may use the source. */
    public boolean serves(String engagementKey, String client) {
      return engagements.contains(engagementKey)
          || (client != null
              && clients.stream()
                  .anyMatch(named -> named.strip().equalsIgnoreCase(client.strip())));
    }
  }

  private Map<String, Source> sources = Map.of();
  private final Map<String, DataSource> dataSources = new ConcurrentHashMap<>();

  public Map<String, Source> getSources() {
    return sources;
  }

  public void setSources(Map<String, Source> sources) {
    this.sources = sources == null ? Map.of() : sources;
  }

  public Optional<DataSource> dataSource(String name) {
    Source source = sources.get(name);
    if (source == null) {
      return Optional.empty();
    }
    return Optional.of(
        dataSources.computeIfAbsent(
            name,
            n -> new DriverManagerDataSource(source.url(), source.username(), source.password())));
  }
}
