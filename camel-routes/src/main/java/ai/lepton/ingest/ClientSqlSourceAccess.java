package ai.lepton.ingest;

import ai.lepton.ml.engagement.SqlPullPolicy;
import ai.lepton.ml.engagement.SqlPullRefusedException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Answers whether an engagement may run a query against a client database, from the sources the
 * administrator declared ({@link ClientSqlSources}): the source must exist and serve this
 * engagement or its client, and the query must pass {@link SqlPullQuery} against the source's
 * tables.
 */
@Component
public class ClientSqlSourceAccess implements SqlPullPolicy {

  private final ClientSqlSources sources;

  public ClientSqlSourceAccess(ClientSqlSources sources) {
    this.sources = sources;
  }

  @Override
  public void check(String engagementKey, String client, String source, String query) {
    checked(engagementKey, client, source, query);
  }

  /** The query as it will run, once allowed. */
  SqlPullQuery checked(String engagementKey, String client, String source, String query) {
    ClientSqlSources.Source declared = sources.getSources().get(source);
    if (declared == null || !declared.serves(engagementKey, client)) {
      List<String> open =
          sources.getSources().entrySet().stream()
              .filter(entry -> entry.getValue().serves(engagementKey, client))
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      throw new SqlPullRefusedException(
          (declared == null
                  ? "There is no client database named '" + source + "'"
                  : "The client database '"
                      + source
                      + "' does not serve engagement "
                      + engagementKey
                      + " of client '"
                      + client
                      + "'")
              + "; this engagement may pull from "
              + (open.isEmpty()
                  ? "none (an administrator declares sources in lepton.sql.sources)"
                  : open));
    }
    return SqlPullQuery.check(query, declared.tables());
  }
}
