package ai.lepton.ingest;

import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.ExpectedSchema;
import ai.lepton.ml.engagement.EngagementProcesses;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.process.ProcessMessage;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The data must carry the engagement's target attribute (numeric for a regression) and, when the
 * requirements give an {@code expectedSchema}, its columns with their types: all as recorded with
 * the requirements, not as variables. Monitoring data may come without the target (production
 * inputs whose outcome is not known yet); the expected schema is then not checked against it
 * either.
 */
@Component
public class CheckAgainstRequirements implements Processor {

  private final RequirementsRecord requirements;

  public CheckAgainstRequirements(RequirementsRecord requirements) {
    this.requirements = requirements;
  }

  @Override
  public void process(Exchange exchange) {
    EngagementProcesses.Running engagement =
        exchange.getProperty(FindEngagement.INSTANCE, EngagementProcesses.Running.class);
    if (engagement == null) {
      return;
    }
    Requirements recorded = requirements.latest(engagement.engagementKey()).orElse(null);
    if (recorded == null) {
      return; // requirements not set yet: kept, and the source is told the engagement is not
      // waiting
    }
    String target = recorded.targetAttribute();
    Instances data =
        exchange.getProperty(ParseDataset.PARSED, DatasetReader.Parsed.class).instances();
    Attribute attribute = data.attribute(target);
    boolean monitoring =
        ProcessMessage.MONITORING_DATA_RECEIVED
            .messageName()
            .equals(exchange.getMessage().getHeader(IngestHeaders.MESSAGE, String.class));
    if (attribute == null && monitoring) {
      return; // production data without its outcome: compared for drift, not for accuracy
    }
    if (attribute == null) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.TARGET_MISSING,
          String.format(
              "The dataset has no column '%s', the target this engagement predicts; its columns are: %s",
              target, columns(data)));
    }
    if ("regression".equals(recorded.problemType()) && !attribute.isNumeric()) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.TARGET_MISSING,
          String.format(
              "The engagement is a regression but column '%s' is not numeric in this dataset",
              target));
    }
    List<String> differences = ExpectedSchema.parse(recorded.expectedSchema()).differences(data);
    if (!differences.isEmpty()) {
      throw new IngestRefusedException(
          IngestRefusedException.Kind.UNREADABLE,
          "The dataset does not match the engagement's expected schema: "
              + String.join("; ", differences));
    }
  }

  private static String columns(Instances data) {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < data.numAttributes(); i++) {
      names.append(i == 0 ? "" : ", ").append(data.attribute(i).name());
    }
    return names.toString();
  }
}
