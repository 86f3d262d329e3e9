package ai.lepton.ml;

import ai.lepton.ml.schema.LeptonSchema;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2 database with Lepton's tables made by its own migrations, as the stores'
 * tests run on (one per test, named after what it holds).
 */
public final class LeptonDatabase {

  private LeptonDatabase() {}

  public static JdbcDataSource fresh(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    new LeptonSchema(dataSource).migrate();
    return dataSource;
  }
}
