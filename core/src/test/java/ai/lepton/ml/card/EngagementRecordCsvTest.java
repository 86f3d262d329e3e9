package ai.lepton.ml.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The spreadsheet form of an engagement's record: flat rows, and no cell a spreadsheet would run as
 * a formula.
 */
class EngagementRecordCsvTest {

  @Test
  void nestedSectionsBecomeRowsAndFormulaLikeCellsAreNeutralised() throws Exception {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put(
        "description",
        Map.of("client", "=HYPERLINK(\"http://evil\",\"click\")", "engagement", "ENG-1"));
    record.put(
        "approval",
        List.of(
            Map.of(
                "approver",
                "@mro",
                "reason",
                "+1 from the committee",
                "policyWarnings",
                List.of("-5 points"))));

    String csv = EngagementRecordBuilder.csv(record);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();

    assertThat(rows)
        .extracting(r -> r.get("section") + "|" + r.get("item") + "|" + r.get("field"))
        .contains(
            "description||client",
            "description||engagement",
            "approval|1|approver",
            "approval|1|reason");
    assertThat(rows)
        .extracting(r -> r.get("value"))
        .contains(
            "'=HYPERLINK(\"http://evil\",\"click\")",
            "ENG-1",
            "'@mro",
            "'+1 from the committee",
            "[-5 points]")
        .noneMatch(value -> !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0);
  }

  @Test
  void theTypedRecordIsFlattenedUnderItsJsonNames() throws Exception {
    EngagementRecord record =
        new EngagementRecord(
            new EngagementRecord.Description(
                "ENG-1",
                "pi-1",
                "ACTIVE",
                "2026-01-01T00:00:00Z",
                null,
                "=cmd",
                null,
                null,
                "pm",
                "churn",
                "classification",
                "churn-model",
                "weightedAreaUnderROC",
                0.7,
                "weka.classifiers.trees.J48",
                10,
                1,
                2,
                List.of("ds")),
            List.of(),
            List.of(),
            List.of(
                new EngagementRecord.Validation(
                    "mv-1",
                    EngagementRecord.KeyMetrics.of(
                        ai.lepton.ml.training.CandidateMetrics.of(
                            Map.of("numInstances", 10, "pctCorrect", 80.0, "kappa", 0.5))))),
            List.of(
                new EngagementRecord.ApprovalEntry(
                    true,
                    "mro",
                    "fine",
                    "2026-01-02T00:00:00Z",
                    "abc",
                    "PASS",
                    List.of(),
                    List.of("-5 points"),
                    null,
                    "mv-1")),
            List.of(),
            List.of(),
            List.of(),
            AnnexIv.forRecord());

    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(EngagementRecordBuilder.csv(record)))
            .getRecords();

    assertThat(rows)
        .extracting(
            r ->
                r.get("section")
                    + "|"
                    + r.get("item")
                    + "|"
                    + r.get("field")
                    + "|"
                    + r.get("value"))
        .contains(
            "description||engagement|ENG-1",
            "description||client|'=cmd",
            "description||closedAt|",
            "description||successThreshold|0.7",
            "validation|1|metrics.pctCorrect|80.0",
            "validation|1|metrics.kappa|0.5",
            "approval|1|policyWarnings|[-5 points]",
            "approval|1|modelVersionId|mv-1",
            "annexIV|1|point|1")
        .noneMatch(row -> row.startsWith("description||engagementName|"))
        .noneMatch(row -> row.startsWith("validation|1|metrics.rootMeanSquaredError|"));
  }
}
