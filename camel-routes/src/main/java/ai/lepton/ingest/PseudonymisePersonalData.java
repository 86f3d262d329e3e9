package ai.lepton.ingest;

import ai.lepton.ml.dataset.BadRow;
import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.PersonalDataSettings;
import ai.lepton.ml.dataset.Pseudonymiser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import weka.core.Instances;

/**
 * Replaces the values of personal-data columns with keyed HMAC-SHA-256 tokens before anything is
 * stored: the body becomes the pseudonymised data as ARFF, set-aside rows carry tokens too, and the
 * client's raw bytes go no further.
 */
@Component
public class PseudonymisePersonalData implements Processor {

  /** Set by this step: the columns that were pseudonymised. */
  static final String PSEUDONYMISED = "leptonPseudonymised";

  private final PersonalDataSettings personalData;

  public PseudonymisePersonalData(PersonalDataSettings personalData) {
    this.personalData = personalData;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void process(Exchange exchange) {
    DatasetReader.Parsed parsed =
        exchange.getProperty(ParseDataset.PARSED, DatasetReader.Parsed.class);
    Instances data = parsed.instances();
    Set<String> present = new LinkedHashSet<>();
    List<Integer> indexes = new ArrayList<>();
    for (String column :
        (Set<String>) exchange.getProperty(ParseDataset.PERSONAL_COLUMNS, Set.class)) {
      if (data.attribute(column) != null) {
        present.add(column);
        indexes.add(data.attribute(column).index());
      }
    }
    if (present.isEmpty()) {
      exchange.setProperty(PSEUDONYMISED, List.of());
      return;
    }
    Pseudonymiser pseudonymiser =
        personalData
            .pseudonymiser()
            .orElseThrow(
                () ->
                    new IngestRefusedException(
                        IngestRefusedException.Kind.NOT_CONFIGURED,
                        "Columns "
                            + present
                            + " are personal data but no"
                            + " pseudonymisation key is set on the server (LEPTON_PII_KEY); nothing was stored"));
    Instances pseudonymised = pseudonymiser.apply(data, present);
    List<BadRow> badRows =
        parsed.badRows().stream()
            .map(
                row ->
                    new BadRow(
                        row.line(), row.reason(), pseudonymiser.apply(row.fields(), indexes)))
            .toList();
    exchange.setProperty(
        ParseDataset.PARSED, new DatasetReader.Parsed(DatasetFormat.ARFF, pseudonymised, badRows));
    exchange.setProperty(PSEUDONYMISED, List.copyOf(present));
    exchange.getMessage().setBody(DatasetStore.toArff(pseudonymised));
  }
}
