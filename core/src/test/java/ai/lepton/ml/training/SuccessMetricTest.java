package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuccessMetricTest {

  @Test
  void errorMetricsAreBetterLowerAndMeetAThresholdFromBelow() {
    SuccessMetric rmse = SuccessMetric.of("rootMeanSquaredError", ProblemType.REGRESSION);
    assertThat(rmse.better(1.0, 2.0)).isTrue();
    assertThat(rmse.meets(1.0, 1.5)).isTrue();
    assertThat(rmse.meets(2.0, 1.5)).isFalse();
  }

  @Test
  void scoresAreBetterHigherAndNaNIsNeverBetter() {
    SuccessMetric auc = SuccessMetric.of("weightedAreaUnderROC", ProblemType.CLASSIFICATION);
    assertThat(auc.better(0.8, 0.7)).isTrue();
    assertThat(auc.better(Double.NaN, 0.1)).isFalse();
    assertThat(auc.better(0.1, Double.NaN)).isTrue();
    assertThat(auc.meets(0.75, 0.75)).isTrue();
  }

  @Test
  void aMetricMustFitTheProblemType() {
    assertThatThrownBy(() -> SuccessMetric.of("pctCorrect", ProblemType.REGRESSION))
        .hasMessageContaining("does not apply to regression");
    assertThatThrownBy(() -> SuccessMetric.of("accuracy", ProblemType.CLASSIFICATION))
        .hasMessageContaining("use one of: pctCorrect");
  }
}
