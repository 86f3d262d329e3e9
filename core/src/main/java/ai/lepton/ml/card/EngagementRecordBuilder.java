package ai.lepton.ml.card;

import ai.lepton.ml.audit.AuditEntry;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * An engagement's whole record for an auditor, in the sections of the EU AI Act's Annex IV:
 * description, data, training, validation, approval, deployment, monitoring, changes (the audit
 * trail's entries about it, in order). As JSON, or flattened to CSV rows for a spreadsheet.
 */
@Component
public class EngagementRecordBuilder {

  /** Descriptive variables; the requirements and who set them come from the record. */
  private static final List<String> DESCRIPTION =
      List.of("client", "engagementName", "intendedUse");

  private final EngagementHistory history;
  private final DatasetStore datasets;
  private final ModelRegistry registry;
  private final ModelCardBuilder cards;
  private final AuditTrail audit;
  private final RequirementsRecord requirements;

  public EngagementRecordBuilder(
      EngagementHistory history,
      DatasetStore datasets,
      ModelRegistry registry,
      ModelCardBuilder cards,
      AuditTrail audit,
      RequirementsRecord requirements) {
    this.requirements = requirements;
    this.history = history;
    this.datasets = datasets;
    this.registry = registry;
    this.cards = cards;
    this.audit = audit;
  }

  /**
   * @return the record, or null when no engagement has this business key
   */
  public Map<String, Object> build(String engagementKey) {
    EngagementHistory.Instance instance = history.engagement(engagementKey).orElse(null);
    if (instance == null) {
      return null;
    }
    Map<String, Object> record = new LinkedHashMap<>();
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("engagement", engagementKey);
    description.put("processInstanceId", instance.id());
    description.put("state", instance.state());
    description.put("openedAt", instance.startedAt().toString());
    description.put("closedAt", instance.endedAt() == null ? null : instance.endedAt().toString());
    description.putAll(history.variables(instance.id(), DESCRIPTION));
    description.put("initiator", instance.startUserId());
    requirements
        .latest(engagementKey)
        .ifPresent(
            recorded -> {
              description.put("targetAttribute", recorded.targetAttribute());
              description.put("problemType", recorded.problemType());
              description.put("modelName", recorded.modelName());
              description.put("successMetric", recorded.successMetric());
              description.put("successThreshold", recorded.successThreshold());
              description.put("algorithms", recorded.algorithms());
              description.put("folds", recorded.folds());
              description.put("seed", recorded.seed());
              description.put("requirementsRevision", recorded.revision());
              description.put("requirementsSetBy", requirements.setters(engagementKey));
            });
    record.put("description", description);

    List<Map<String, Object>> data = new ArrayList<>();
    for (StoredDataset dataset : datasets.findByEngagement(engagementKey)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("datasetId", dataset.id());
      entry.put("name", dataset.name());
      entry.put("sha256", dataset.sha256());
      entry.put("sourceSha256", dataset.sourceSha256());
      entry.put("rows", dataset.rows());
      entry.put("attributes", dataset.attributes());
      entry.put("derivedFrom", dataset.derivedFrom());
      entry.put("preparation", dataset.preparation());
      entry.put("pseudonymisedColumns", dataset.pseudonymisedColumns());
      entry.put("createdBy", dataset.createdBy());
      entry.put("createdAt", dataset.createdAt().toString());
      data.add(entry);
    }
    record.put("data", data);

    List<Map<String, Object>> training = new ArrayList<>();
    List<Map<String, Object>> validation = new ArrayList<>();
    List<Map<String, Object>> approval = new ArrayList<>();
    List<Map<String, Object>> deployment = new ArrayList<>();
    List<Map<String, Object>> monitoring = new ArrayList<>();
    for (ModelVersion version : registry.findByEngagement(engagementKey)) {
      Map<String, Object> card = cards.build(version.id());
      Map<String, Object> run = new LinkedHashMap<>((Map<String, Object>) card.get("training"));
      run.put("modelVersionId", version.id());
      run.put("datasetId", version.datasetId());
      run.put("datasetSha256", version.datasetSha256());
      run.put("modelSha256", version.modelSha256());
      training.add(run);
      validation.add(
          Map.of("modelVersionId", version.id(), "metrics", keyMetrics(version.metrics())));
      for (Object decision : (List<?>) card.get("approvals")) {
        Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) decision);
        entry.put("modelVersionId", version.id());
        approval.add(entry);
      }
      deployment.add(
          Map.of("modelVersionId", version.id(), "statusHistory", card.get("statusHistory")));
      Map<String, Object> monitored = new LinkedHashMap<>();
      monitored.put("modelVersionId", version.id());
      monitored.put("decisions", card.get("decisions"));
      monitored.put("checks", ((Map<?, ?>) card.get("monitoring")).get("checks"));
      if (card.containsKey("challengerTrial")) {
        monitored.put("challengerTrial", card.get("challengerTrial"));
      }
      monitoring.add(monitored);
    }
    record.put("training", training);
    record.put("validation", validation);
    record.put("approval", approval);
    record.put("deployment", deployment);
    record.put("monitoring", monitoring);

    List<Map<String, Object>> changes = new ArrayList<>();
    for (AuditEntry entry : audit.entriesMentioning(engagementKey)) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("seq", entry.seq());
      change.put("recordedAt", entry.recordedAt());
      change.put("actor", entry.actor());
      change.put("type", entry.type());
      change.put("subject", entry.subjectType() + " " + entry.subjectId());
      change.put("payload", entry.payload());
      change.put("hash", entry.hash());
      changes.add(change);
    }
    record.put("changes", changes);
    record.put("annexIV", AnnexIv.forRecord());
    return record;
  }

  /**
   * The record as CSV rows {@code section, item, field, value}, nested values flattened to dotted
   * field names. A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
   * carriage return) gets a leading apostrophe.
   */
  public static String csv(Map<String, Object> record) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.RFC4180.builder().setHeader("section", "item", "field", "value").get())) {
      for (Map.Entry<String, Object> section : record.entrySet()) {
        if (section.getValue() instanceof List<?> items) {
          for (int i = 0; i < items.size(); i++) {
            flatten(printer, section.getKey(), String.valueOf(i + 1), "", items.get(i));
          }
        } else {
          flatten(printer, section.getKey(), "", "", section.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String safeCell(Object value) {
    String text = value == null ? "" : value.toString();
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private static void flatten(
      CSVPrinter printer, String section, String item, String field, Object value)
      throws IOException {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        flatten(
            printer,
            section,
            item,
            field.isEmpty() ? entry.getKey().toString() : field + "." + entry.getKey(),
            entry.getValue());
      }
    } else if (value instanceof List<?> list
        && list.stream().anyMatch(v -> v instanceof Map<?, ?>)) {
      for (int i = 0; i < list.size(); i++) {
        flatten(printer, section, item, field + "[" + i + "]", list.get(i));
      }
    } else {
      printer.printRecord(safeCell(section), safeCell(item), safeCell(field), safeCell(value));
    }
  }

  private static Map<String, Object> keyMetrics(Map<String, Object> metrics) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (String name :
        List.of(
            "pctCorrect",
            "kappa",
            "weightedAreaUnderROC",
            "weightedFMeasure",
            "correlationCoefficient",
            "meanAbsoluteError",
            "rootMeanSquaredError",
            "perClass",
            "confusionMatrix",
            "folds",
            "fairness",
            "importance")) {
      if (metrics.containsKey(name)) {
        key.put(name, metrics.get(name));
      }
    }
    return key;
  }
}
