package ai.lepton.ingest;

import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetProfiler;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the dataset, its set-aside rows and a first profile in one transaction (the body becomes
 * an {@link IngestResult}), with its DATASET_ACCEPTED audit entry. The same bytes sent again to the
 * same engagement return the dataset already stored.
 */
@Component
public class StoreDataset implements Processor {

  private final DatasetStore datasets;
  private final TransactionTemplate transaction;
  private final AuditTrail audit;
  private final RequirementsRecord requirements;

  public StoreDataset(
      DatasetStore datasets,
      TransactionTemplate transaction,
      AuditTrail audit,
      RequirementsRecord requirements) {
    this.requirements = requirements;
    this.datasets = datasets;
    this.transaction = transaction;
    this.audit = audit;
  }

  @Override
  public void process(Exchange exchange) {
    String key = exchange.getMessage().getHeader(IngestHeaders.ENGAGEMENT, String.class);
    String sha256 = exchange.getMessage().getHeader(IngestHeaders.SHA256, String.class);
    DatasetReader.Parsed parsed =
        exchange.getProperty(ParseDataset.PARSED, DatasetReader.Parsed.class);
    Optional<StoredDataset> earlier = datasets.findUpload(key, sha256);
    if (earlier.isPresent()) {
      exchange
          .getMessage()
          .setBody(new IngestResult(earlier.get(), parsed.badRows().size(), true, false));
      return;
    }
    String target = requirements.latest(key).map(Requirements::targetAttribute).orElse(null);
    String name =
        exchange.getMessage().getHeader(IngestHeaders.DATASET_NAME, "dataset-" + key, String.class);
    String user =
        exchange
            .getMessage()
            .getHeader(
                IngestHeaders.USER,
                exchange.getMessage().getHeader(IngestHeaders.SOURCE, String.class),
                String.class);
    byte[] bytes = exchange.getMessage().getBody(byte[].class);
    @SuppressWarnings("unchecked")
    List<String> pseudonymised =
        exchange.getProperty(PseudonymisePersonalData.PSEUDONYMISED, List.class);
    StoredDataset stored =
        transaction.execute(
            status -> {
              StoredDataset dataset =
                  datasets.store(
                      new DatasetStore.Upload(
                          key,
                          name,
                          bytes,
                          parsed,
                          parsed.badRows(),
                          sha256,
                          pseudonymised == null ? List.of() : pseudonymised,
                          user));
              // Profiled on arrival, so a dataset that feeds no step yet is still described.
              datasets.addProfile(
                  dataset.id(), target, DatasetProfiler.profile(parsed.instances(), target));
              Map<String, Object> accepted = new LinkedHashMap<>();
              accepted.put("engagement", key);
              accepted.put("name", name);
              accepted.put(
                  "source", exchange.getMessage().getHeader(IngestHeaders.SOURCE, String.class));
              accepted.put("sha256", sha256);
              accepted.put("storedSha256", dataset.sha256());
              accepted.put("format", parsed.format().name());
              accepted.put("rows", parsed.instances().numInstances());
              accepted.put("quarantinedRows", parsed.badRows().size());
              accepted.put(
                  "pseudonymisedColumns", pseudonymised == null ? List.of() : pseudonymised);
              audit.append(user, "DATASET_ACCEPTED", "dataset", dataset.id(), accepted);
              return dataset;
            });
    exchange.getMessage().setBody(new IngestResult(stored, parsed.badRows().size(), false, false));
  }
}
