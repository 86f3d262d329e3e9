package ai.lepton.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The status a project manager's list shows for an engagement, from its state at the moment of the
 * query.
 */
class EngagementStatusTest {

  @Test
  void anEngagementReadBetweenTwoStepsIsActiveNotAnError() {
    // its open activities are read after the instances: one that moved on in between has none open
    // yet
    assertThat(EngagementOverview.status(false, 0, null, "starting")).isEqualTo("active");
  }

  @Test
  void eachStateHasItsStatus() {
    assertThat(EngagementOverview.status(true, 2, "Task_ApproveModel", "closed"))
        .isEqualTo("closed");
    assertThat(EngagementOverview.status(false, 1, "Task_ApproveModel", "approval"))
        .isEqualTo("has-incident");
    assertThat(EngagementOverview.status(false, 0, "Task_ApproveModel", "approval"))
        .isEqualTo("awaiting-approval");
    assertThat(EngagementOverview.status(false, 0, "Task_AwaitDataset", "data"))
        .isEqualTo("waiting-on-client");
    assertThat(EngagementOverview.status(false, 0, "Gateway_NextCheck", "maintenance"))
        .isEqualTo("in-maintenance");
    assertThat(EngagementOverview.status(false, 0, "Task_TrainCandidate", "training"))
        .isEqualTo("active");
  }
}
