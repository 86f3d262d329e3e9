package ai.lepton.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Spring Boot that {@link LeptonSchemaInitializer} initialises a database, so JDBC users
 * start after it, and that it comes after every other initialiser: a host's own Flyway or
 * Liquibase, which refuses a schema holding tables it did not make, migrates first; Lepton's
 * migrations, in their own history table, follow.
 */
public class LeptonSchemaInitializerDetector
    extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(LeptonSchemaInitializer.class);
  }
}
