package ai.lepton.ml.card;

import ai.lepton.ml.audit.AuditEntry;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
  public EngagementRecord build(String engagementKey) {
    EngagementHistory.Instance instance = history.engagement(engagementKey).orElse(null);
    if (instance == null) {
      return null;
    }
    Map<String, Object> described = history.variables(instance.id(), DESCRIPTION);
    Requirements recorded = requirements.latest(engagementKey).orElse(null);
    EngagementRecord.Description description =
        new EngagementRecord.Description(
            engagementKey,
            instance.id(),
            instance.state(),
            instance.startedAt().toString(),
            instance.endedAt() == null ? null : instance.endedAt().toString(),
            text(described.get("client")),
            text(described.get("engagementName")),
            text(described.get("intendedUse")),
            instance.startUserId(),
            recorded == null ? null : recorded.targetAttribute(),
            recorded == null ? null : recorded.problemType(),
            recorded == null ? null : recorded.modelName(),
            recorded == null ? null : recorded.successMetric(),
            recorded == null ? null : recorded.successThreshold(),
            recorded == null ? null : recorded.algorithms(),
            recorded == null ? null : recorded.folds(),
            recorded == null ? null : recorded.seed(),
            recorded == null ? null : recorded.revision(),
            recorded == null ? null : requirements.setters(engagementKey));

    List<EngagementRecord.DatasetEntry> data = new ArrayList<>();
    for (StoredDataset dataset : datasets.findByEngagement(engagementKey)) {
      data.add(
          new EngagementRecord.DatasetEntry(
              dataset.id(),
              dataset.name(),
              dataset.sha256(),
              dataset.sourceSha256(),
              dataset.rows(),
              dataset.attributes(),
              dataset.derivedFrom(),
              dataset.preparation(),
              dataset.pseudonymisedColumns(),
              dataset.createdBy(),
              dataset.createdAt().toString()));
    }

    List<EngagementRecord.TrainingRun> training = new ArrayList<>();
    List<EngagementRecord.Validation> validation = new ArrayList<>();
    List<EngagementRecord.ApprovalEntry> approval = new ArrayList<>();
    List<EngagementRecord.Deployment> deployment = new ArrayList<>();
    List<EngagementRecord.MonitoringEntry> monitoring = new ArrayList<>();
    for (ModelVersion version : registry.findByEngagement(engagementKey)) {
      ModelCard card = cards.build(version.id());
      training.add(
          EngagementRecord.TrainingRun.of(
              card.training(),
              version.id(),
              version.datasetId(),
              version.datasetSha256(),
              version.modelSha256()));
      validation.add(
          new EngagementRecord.Validation(
              version.id(), EngagementRecord.KeyMetrics.of(card.validation())));
      for (ModelCard.CardApproval decision : card.approvals()) {
        approval.add(EngagementRecord.ApprovalEntry.of(decision, version.id()));
      }
      deployment.add(new EngagementRecord.Deployment(version.id(), card.statusHistory()));
      monitoring.add(
          new EngagementRecord.MonitoringEntry(
              version.id(), card.decisions(), card.monitoring().checks(), card.challengerTrial()));
    }

    List<EngagementRecord.Change> changes = new ArrayList<>();
    for (AuditEntry entry : audit.entriesMentioning(engagementKey)) {
      changes.add(
          new EngagementRecord.Change(
              entry.seq(),
              entry.recordedAt(),
              entry.actor(),
              entry.type(),
              entry.subjectType() + " " + entry.subjectId(),
              entry.payload(),
              entry.hash()));
    }
    return new EngagementRecord(
        description,
        data,
        training,
        validation,
        approval,
        deployment,
        monitoring,
        changes,
        AnnexIv.forRecord());
  }

  /** As {@link #csv(Map)}, of the record as it is served as JSON. */
  public static String csv(EngagementRecord record) {
    return csv(record.asMap());
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

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
