package ai.lepton.ingest;

import ai.lepton.ml.engagement.SqlPullRefusedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * A client's SQL pull as Lepton runs it: parsed, not pattern-matched. It must be one {@code SELECT}
 * that reads only the tables its source allows and calls only everyday functions (aggregates,
 * string, number and date basics); no table functions ({@code CSVREAD}, {@code LINK_SCHEMA}, {@code
 * SYSTEM_RANGE}), no sequences, variables, parameters, {@code INTO} or locking reads. What runs is
 * the statement re-written from the parse, so a comment or a quirk of one database's grammar cannot
 * smuggle in text the check did not see.
 */
public final class SqlPullQuery {

  /** Functions a SELECT over a client's table may call; everything else is refused by name. */
  public static final Set<String> FUNCTIONS =
      Set.of(
          "COUNT",
          "SUM",
          "AVG",
          "MIN",
          "MAX",
          "STDDEV",
          "STDDEV_POP",
          "STDDEV_SAMP",
          "VARIANCE",
          "VAR_POP",
          "VAR_SAMP",
          "COALESCE",
          "NULLIF",
          "IFNULL",
          "NVL",
          "GREATEST",
          "LEAST",
          "UPPER",
          "LOWER",
          "TRIM",
          "LTRIM",
          "RTRIM",
          "SUBSTRING",
          "SUBSTR",
          "LEFT",
          "RIGHT",
          "LENGTH",
          "CHAR_LENGTH",
          "CONCAT",
          "REPLACE",
          "LPAD",
          "RPAD",
          "POSITION",
          "ABS",
          "ROUND",
          "FLOOR",
          "CEIL",
          "CEILING",
          "MOD",
          "POWER",
          "SQRT",
          "LN",
          "LOG",
          "EXP",
          "SIGN",
          "TRUNC",
          "TRUNCATE",
          "YEAR",
          "MONTH",
          "DAY",
          "HOUR",
          "MINUTE",
          "QUARTER",
          "WEEK",
          "DAY_OF_WEEK",
          "DAYOFWEEK",
          "DATE_TRUNC",
          "DATEADD",
          "DATEDIFF",
          "DATE_PART",
          "TO_CHAR",
          "TO_DATE",
          "TO_NUMBER",
          "TO_TIMESTAMP",
          "NOW",
          "ROW_NUMBER",
          "RANK",
          "DENSE_RANK",
          "LAG",
          "LEAD",
          "FIRST_VALUE",
          "LAST_VALUE");

  private final String sql;
  private final Set<String> tables;

  private SqlPullQuery(String sql, Set<String> tables) {
    this.sql = sql;
    this.tables = tables;
  }

  /**
   * The statement to run: the parse written back out, comments and all else the check did not read
   * removed.
   */
  public String sql() {
    return sql;
  }

  /** The tables it reads, as written (unquoted). */
  public Set<String> tables() {
    return tables;
  }

  /**
   * @param allowedTables the tables (or {@code schema.table}) the source lets engagements read,
   *     compared without quotes or case
   * @throws SqlPullRefusedException naming what was refused
   */
  public static SqlPullQuery check(String text, Collection<String> allowedTables) {
    if (text == null || text.isBlank()) {
      throw new SqlPullRefusedException("The SQL pull has no query: give one SELECT");
    }
    Statements statements;
    try {
      statements = CCJSqlParserUtil.parseStatements(text);
    } catch (JSQLParserException e) {
      throw new SqlPullRefusedException(
          "The SQL pull is not a SELECT Lepton can read: " + firstLine(e));
    }
    if (statements == null || statements.size() != 1) {
      throw new SqlPullRefusedException(
          "The SQL pull must be exactly one statement, not "
              + (statements == null ? 0 : statements.size()));
    }
    Statement statement = statements.get(0);
    if (!(statement instanceof Select select)) {
      throw new SqlPullRefusedException("The SQL pull must be a SELECT, not " + kind(statement));
    }
    Reader reader = new Reader();
    Set<String> read;
    try {
      read = new TreeSet<>(reader.getTables((Statement) select));
    } catch (UnsupportedOperationException e) {
      throw new SqlPullRefusedException(
          "The SQL pull uses something Lepton does not allow: " + e.getMessage());
    }
    if (!reader.refusals.isEmpty()) {
      throw new SqlPullRefusedException(
          "The SQL pull uses what Lepton does not allow: " + String.join("; ", reader.refusals));
    }
    Set<String> allowed = new TreeSet<>();
    allowedTables.forEach(table -> allowed.add(normalised(table)));
    List<String> notAllowed =
        read.stream().filter(table -> !allowed.contains(normalised(table))).toList();
    if (!notAllowed.isEmpty()) {
      throw new SqlPullRefusedException(
          "The SQL pull reads "
              + (notAllowed.size() == 1 ? "table " : "tables ")
              + String.join(", ", notAllowed)
              + " which this source does not allow; it allows "
              + (allowed.isEmpty()
                  ? "no tables (ask the administrator to list them)"
                  : String.join(", ", allowed)));
    }
    if (read.isEmpty()) {
      throw new SqlPullRefusedException("The SQL pull reads no table");
    }
    return new SqlPullQuery(select.toString(), read);
  }

  private static String normalised(String table) {
    return table
        .replace("\"", "")
        .replace("`", "")
        .replace("[", "")
        .replace("]", "")
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private static String kind(Statement statement) {
    return statement.getClass().getSimpleName().toUpperCase(Locale.ROOT);
  }

  private static String firstLine(Exception e) {
    String message =
        e.getCause() != null && e.getCause().getMessage() != null
            ? e.getCause().getMessage()
            : String.valueOf(e.getMessage());
    String line =
        message.lines().findFirst().orElse(message).replaceFirst("^[\\w.]+Exception: ", "");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Walks the parse: collects the tables and notes every construct outside the allow-list. */
  private static final class Reader extends TablesNamesFinder<Void> {

    final List<String> refusals = new ArrayList<>();

    Reader() {
      init(false);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
      if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()) {
        refusals.add("SELECT … INTO");
      }
      if (select.getForMode() != null || select.getForUpdateTable() != null) {
        refusals.add("a locking read (FOR UPDATE / FOR SHARE)");
      }
      return super.visit(select, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
      String name = function.getName() == null ? "" : function.getName().toUpperCase(Locale.ROOT);
      if (function.getMultipartName() != null && function.getMultipartName().size() > 1) {
        refusals.add("function " + function.getName() + " (only unqualified functions)");
      } else if (!FUNCTIONS.contains(name.replace("\"", ""))) {
        refusals.add("function " + function.getName());
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression expression, S context) {
      String name =
          expression.getName() == null ? "" : expression.getName().toUpperCase(Locale.ROOT);
      if (!FUNCTIONS.contains(name)) {
        refusals.add("function " + expression.getName());
      }
      return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(TableFunction function, S context) {
      refusals.add("table function " + function.getFunction().getName());
      return null;
    }

    @Override
    public <S> Void visit(LateralSubSelect lateral, S context) {
      refusals.add("LATERAL");
      return null;
    }

    @Override
    public <S> Void visit(NextValExpression expression, S context) {
      refusals.add("sequence " + expression.getName());
      return null;
    }

    @Override
    public <S> Void visit(UserVariable variable, S context) {
      refusals.add("variable " + variable);
      return null;
    }

    @Override
    public <S> Void visit(VariableAssignment assignment, S context) {
      refusals.add("variable assignment");
      return null;
    }

    @Override
    public <S> Void visit(JdbcParameter parameter, S context) {
      refusals.add("parameter ?");
      return null;
    }

    @Override
    public <S> Void visit(JdbcNamedParameter parameter, S context) {
      refusals.add("parameter :" + parameter.getName());
      return null;
    }

    @Override
    public <S> Void visit(Table table, S context) {
      if (table.getDatabase() != null && table.getDatabase().getDatabaseName() != null) {
        refusals.add("table " + table.getFullyQualifiedName() + " in another database");
      }
      return super.visit(table, context);
    }
  }
}
