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
}
