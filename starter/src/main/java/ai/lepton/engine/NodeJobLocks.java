package ai.lepton.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each node locks jobs under a name that survives its restarts ({@code lepton.node-id}, by default
 * host name and port), and on start takes back the jobs it held when it stopped. A node that
 * crashed in the middle of training therefore resumes its jobs at once, instead of leaving them
 * locked for Camunda's lock time (5 minutes), while a job locked by another node that is alive is
 * left alone. Two nodes must never share a name: on one host, give each its own port or {@code
 * LEPTON_NODE_ID}.
 */
@Component
public class NodeJobLocks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NodeJobLocks.class);

  private final String nodeId;

  public NodeJobLocks(
      @Value("${lepton.node-id:}") String configured, @Value("${server.port:8080}") int port) {
    this.nodeId =
        configured == null || configured.isBlank() ? hostName() + ":" + port : configured.strip();
  }

  public String nodeId() {
    return nodeId;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeId);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement release =
            connection.prepareStatement(
                "UPDATE "
                    + table
                    + " SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ = ?")) {
      release.setString(1, nodeId);
      int released = release.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (released > 0) {
        LOG.info("Node {} took back {} job(s) it held when it stopped", nodeId, released);
      }
    } catch (SQLException e) {
      LOG.warn(
          "Node {} could not take back its jobs ({}); they run when their locks expire",
          nodeId,
          e.getMessage());
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "lepton";
    }
  }
}
