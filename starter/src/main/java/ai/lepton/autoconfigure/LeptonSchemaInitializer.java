package ai.lepton.autoconfigure;

import ai.lepton.ml.schema.LeptonSchema;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Brings Lepton's tables up to date when the application starts, before any bean that reads them:
 * Spring Boot makes every {@code JdbcTemplate} wait for it ({@link
 * LeptonSchemaInitializerDetector}), as it does for its own Flyway.
 */
public class LeptonSchemaInitializer implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(LeptonSchemaInitializer.class);

  private final DataSource dataSource;

  public LeptonSchemaInitializer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    int applied = new LeptonSchema(dataSource).migrate();
    if (applied > 0) {
      LOG.info(
          "Lepton's tables: {} migration(s) applied (history in {})",
          applied,
          LeptonSchema.HISTORY_TABLE);
    }
  }
}
