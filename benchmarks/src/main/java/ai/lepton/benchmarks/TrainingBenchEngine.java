package ai.lepton.benchmarks;

import ai.lepton.ml.work.TrainingTasks;
import java.util.HashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The engine the training benchmarks run: history FULL, the engine and Lepton's JDBC writes in one
 * Spring transaction per command as in the app, no job executor, and a process {@code key} whose
 * one task is <em>Train candidate</em>.
 */
final class TrainingBenchEngine {

  private TrainingBenchEngine() {}

  static ProcessEngine create(DataSource pool, String key) {
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setDataSource(pool);
    configuration.setTransactionManager(new DataSourceTransactionManager(pool));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(new HashMap<>()); // no Spring context: expressions resolve no beans
    ProcessEngine engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_TrainCandidate")
                .camundaExternalTask(TrainingTasks.TOPIC)
                .endEvent()
                .done())
        .deploy();
    return engine;
  }
}
