package ai.lepton.benchmarks;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.schema.LeptonSchema;
import ai.lepton.ml.scoring.DecisionLog;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Lepton's record on a benchmark's database, wired by hand as the starter wires it: the tables,
 * then the stores.
 */
record BenchStores(
    JdbcTemplate jdbc,
    DatasetStore datasets,
    AuditTrail audit,
    ModelRegistry registry,
    RequirementsRecord requirements,
    DecisionLog log) {

  static BenchStores on(DataSource pool) {
    new LeptonSchema(pool).migrate();
    JdbcTemplate jdbc = new JdbcTemplate(pool);
    AuditTrail audit = new AuditTrail(jdbc, new DataSourceTransactionManager(pool));
    return new BenchStores(
        jdbc,
        new DatasetStore(jdbc),
        audit,
        new ModelRegistry(jdbc, audit),
        new RequirementsRecord(jdbc, audit),
        new DecisionLog(jdbc, audit));
  }
}
