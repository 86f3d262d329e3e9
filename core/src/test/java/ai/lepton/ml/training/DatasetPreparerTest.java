package ai.lepton.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

class DatasetPreparerTest {

  private static Instances csv(String text) {
    return DatasetReader.read(text.getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV).instances();
  }

  private static String customers(int rows) {
    StringBuilder csv = new StringBuilder("customer_id,region,constant,spend,churn\n");
    for (int i = 0; i < rows; i++) {
      csv.append("C")
          .append(1000 + i)
          .append(',')
          .append(i % 3 == 0 ? "north" : "south")
          .append(",x,")
          .append(i * 1.5)
          .append(',')
          .append(i == 7 ? "?" : (i % 4 == 0 ? 1 : 0))
          .append('\n');
    }
    return csv.toString();
  }

  @Test
  void identifiersAndConstantsGoAndTheNumericTargetBecomesAClass() throws Exception {
    Instances raw = csv(customers(120));

    DatasetPreparer.Prepared prepared =
        DatasetPreparer.prepare(raw, "churn", ProblemType.CLASSIFICATION);

    Instances data = prepared.data();
    assertThat(data.attribute("customer_id")).isNull();
    assertThat(data.attribute("constant")).isNull();
    assertThat(data.classAttribute().name()).isEqualTo("churn");
    assertThat(data.classAttribute().isNominal()).isTrue();
    assertThat(data.numInstances()).isEqualTo(119);
    assertThat(prepared.recipe())
        .extracting(step -> step.get("reason").toString())
        .anyMatch(reason -> reason.contains("customer_id: every row has its own value"))
        .anyMatch(reason -> reason.contains("1 rows without a target value removed"));
  }

  @Test
  void replayingTheRecipeGivesTheSameData() throws Exception {
    Instances raw = csv(customers(120));
    DatasetPreparer.Prepared prepared =
        DatasetPreparer.prepare(raw, "churn", ProblemType.CLASSIFICATION);

    Instances replayed = DatasetPreparer.replay(raw, "churn", prepared.recipe());

    assertThat(replayed.toString()).isEqualTo(prepared.data().toString());
  }

  @Test
  void regressionOnANominalTargetIsRefused() {
    Instances raw = csv("x,y\n1,a\n2,b\n");
    assertThatThrownBy(() -> DatasetPreparer.prepare(raw, "y", ProblemType.REGRESSION))
        .hasMessageContaining("regression needs a numeric target");
  }

  @Test
  void missingTargetIsRefused() {
    Instances raw = csv("x,y\n1,a\n2,b\n");
    assertThatThrownBy(() -> DatasetPreparer.prepare(raw, "churn", ProblemType.CLASSIFICATION))
        .hasMessageContaining("no attribute 'churn'");
  }
}
