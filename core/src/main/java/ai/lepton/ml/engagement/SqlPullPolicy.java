package ai.lepton.ml.engagement;

/**
 * Whether an engagement may pull with this query from this client database. The requirements form
 * asks it before the requirements are recorded, and the pull asks it again before it runs; the
 * ingest module answers it from the sources an administrator declared.
 */
public interface SqlPullPolicy {

  /**
   * @param engagementKey the engagement's business key
   * @param client the client the engagement was opened for, as Camunda recorded it at the start
   * @throws SqlPullRefusedException naming what is refused
   */
  void check(String engagementKey, String client, String source, String query);
}
