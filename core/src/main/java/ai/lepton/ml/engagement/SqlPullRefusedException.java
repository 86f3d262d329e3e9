package ai.lepton.ml.engagement;

/**
 * A SQL pull Lepton will not run: the message names the source, table, function or construct
 * refused.
 */
public class SqlPullRefusedException extends RuntimeException {

  public SqlPullRefusedException(String message) {
    super(message);
  }
}
