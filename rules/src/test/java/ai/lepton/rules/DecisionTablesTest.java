package ai.lepton.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTablesTest {

  /**
   * credit-decision's thresholds as a credit committee keeps them: the README's example decision
   * table.
   */
  static final java.nio.file.Path CREDIT_TABLE =
      java.nio.file.Path.of("../docs/examples/credit-thresholds.csv");

  @Test
  void aCsvDecisionTableBecomesAVersionThatDecides() throws Exception {
    String drl =
        DecisionTables.toDrl(
            "credit-decision",
            java.nio.file.Files.readAllBytes(CREDIT_TABLE),
            DecisionTables.Format.CSV);
    assertThat(drl).contains("package ai.lepton.rules.creditdecision", "creditAmount >= 20000");
    RuleSetVersion version = RuleSetVersion.of("credit-decision", 2, drl);
    RuleService rules = new RuleService();
    assertThat(decide(rules, version, 25000, 0.1).getDecision()).isEqualTo("MANUAL_REVIEW");
    assertThat(decide(rules, version, 15000, 0.1).getDecision()).isEqualTo("APPROVE");
    DecisionOutcome declined = decide(rules, version, 5000, 0.8);
    assertThat(declined.getDecision()).isEqualTo("DECLINE");
    assertThat(declined.getRulesFired()).containsExactly("A likely default is declined");
  }

  @Test
  void theSameTableAsAnXlsxWorkbookDecidesTheSame() throws Exception {
    java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("credit-decision");
      int row = 0;
      for (String line : java.nio.file.Files.readAllLines(CREDIT_TABLE)) {
        org.apache.poi.ss.usermodel.Row cells = sheet.createRow(row++);
        List<String> values = cells(line);
        for (int c = 0; c < values.size(); c++) {
          if (!values.get(c).isEmpty()) {
            cells.createCell(c).setCellValue(values.get(c));
          }
        }
      }
      workbook.write(xlsx);
    }
    String drl =
        DecisionTables.toDrl("credit-decision", xlsx.toByteArray(), DecisionTables.Format.XLSX);
    RuleSetVersion version = RuleSetVersion.of("credit-decision", 2, drl);
    RuleService rules = new RuleService();
    assertThat(decide(rules, version, 25000, 0.1).getDecision()).isEqualTo("MANUAL_REVIEW");
    assertThat(decide(rules, version, 5000, 0.8).getRulesFired())
        .containsExactly("A likely default is declined");
  }

  /** The cells of one line of the CSV above (quotes as CSV writes them). */
  private static List<String> cells(String line) {
    List<String> cells = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  @Test
  void aTableDroolsCannotReadIsRefused() {
    assertThatThrownBy(
            () ->
                DecisionTables.toDrl(
                    "credit-decision",
                    "just,some\ncells,here\n".getBytes(StandardCharsets.UTF_8),
                    DecisionTables.Format.CSV))
        .isInstanceOf(RuleCompileException.class)
        .hasMessageContaining("credit-decision");
  }

  private static DecisionOutcome decide(
      RuleService rules, RuleSetVersion version, double amount, double bad) {
    return rules.apply(
        RuleSet.CREDIT_DECISION,
        version,
        Map.of("credit_amount", amount),
        Map.of("good", 1 - bad, "bad", bad));
  }
}
