package ai.lepton.rules;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Rules kept in a spreadsheet: a Drools decision table (XLSX or CSV, Drools' own layout: RuleSet,
 * Import, RuleTable, CONDITION / ACTION columns) turned into DRL by Drools' decision-table
 * compiler. The DRL is what a version stores, hashes and runs; a table that cannot be read is
 * refused like DRL that does not compile.
 */
public final class DecisionTables {

  /** The spreadsheet formats Drools reads. */
  public enum Format {
    XLSX,
    CSV
  }

  private DecisionTables() {}

  /**
   * @throws RuleCompileException when Drools cannot read the table
   */
  public static String toDrl(String ruleSet, byte[] table, Format format) {
    try {
      String drl =
          new SpreadsheetCompiler()
              .compile(
                  new ByteArrayInputStream(table),
                  format == Format.CSV ? InputType.CSV : InputType.XLS);
      if (drl == null || !drl.contains("rule ")) {
        throw new RuleCompileException(
            ruleSet,
            List.of(
                "the decision table holds no rule (a RuleTable with"
                    + " CONDITION and ACTION columns and at least one row)"));
      }
      return drl;
    } catch (RuleCompileException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RuleCompileException(
          ruleSet,
          List.of(
              "the decision table cannot be read: "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }
  }
}
