package ai.lepton.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code lepton.sql.sources.<name>.url|username|password}: the clients' databases an engagement may pull from, by
 * name. They are not Lepton's own database and never become Spring's primary data source.
 */
@ConfigurationProperties(prefix = "lepton.sql")
public class ClientSqlSources {

  /** One client database. */
  public record Source(String url, String username, String password) {}

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
    return Optional.of(dataSources.computeIfAbsent(name,
        n -> new DriverManagerDataSource(source.url(), source.username(), source.password())));
  }
}
